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
 */
public record Tenant(
    String slug, String displayName, String realm, Status status, List<String> hostnames) {

  /** Whether a tenant serves requests. */
  public enum Status {
    ACTIVE,
    SUSPENDED
  }

  public TenantRef ref() {
    return new TenantRef(slug);
  }

  public boolean isActive() {
    return status == Status.ACTIVE;
  }
}
