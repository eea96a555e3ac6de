package org.roundtable.core.tenancy;

import java.util.List;
import org.roundtable.api.tenancy.TenantRef;

/**
 * A tenant (council) as the request path sees it.
 *
 * @param slug stable identifier, as in URLs
 * @param displayName the council's name as members see it
 * @param realm the identity realm its members sign in through
 * @param status active, or suspended (then it answers 404 everywhere)
 * @param hostnames host names that may stand in for the slug in URLs
 * @param signIn whether its sign-in is set up; until it is, it answers 404 everywhere
 */
public record Tenant(
    String slug,
    String displayName,
    String realm,
    Status status,
    List<String> hostnames,
    SignIn signIn) {

  /** The request attribute holding the council a request was resolved to (the tenant filter). */
  public static final String REQUEST_ATTRIBUTE = Tenant.class.getName();

  /** Whether a tenant's sign-in (its realm, clients, first administrator) is set up. */
  public enum SignIn {
    READY,
    PENDING
  }

  /** Whether a tenant serves requests. */
  public enum Status {
    ACTIVE,
    SUSPENDED
  }

  public TenantRef ref() {
    return new TenantRef(slug);
  }

  /** Whether it serves requests: active, and its sign-in set up. */
  public boolean isActive() {
    return status == Status.ACTIVE && signIn == SignIn.READY;
  }

  /** Whether it is suspended (whatever its sign-in). */
  public boolean isSuspended() {
    return status == Status.SUSPENDED;
  }
}
