package org.roundtable.core.identity;

import java.util.List;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.tenancy.Tenant;

/**
 * The installation's operators: people who create and suspend tenants. They sign in through a realm
 * of their own (never a council's), and their API lives under {@code /api/v1/platform}. {@code
 * platform} is a reserved word, so no council can take it.
 */
public final class Operators {

  /** The pseudo-tenant operator callers belong to. */
  public static final TenantRef REF = new TenantRef("platform");

  /** The role an operator holds in the operators' realm. */
  public static final String ROLE = "platform-admin";

  private Operators() {}

  /** The operators' realm as a tenant-shaped description (for issuer lookup and provisioning). */
  public static Tenant realm(String realmName) {
    return new Tenant(
        REF.slug(), "Roundtable operators", realmName, Tenant.Status.ACTIVE, List.of());
  }

  public static boolean isOperator(Caller caller) {
    return REF.equals(caller.tenant()) && caller.roles().contains(ROLE);
  }
}
