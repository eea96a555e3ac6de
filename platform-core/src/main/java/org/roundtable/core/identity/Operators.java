package org.roundtable.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.tenancy.Tenant;

/**
 * The installation's operators: people who create and suspend tenants. They sign in through a realm
 * of their own (never a council's), and their API lives under {@code /api/v1/platform}. {@code
 * platform} is a reserved word, so no council can take it.
 */
@ApplicationScoped
public class Operators {

  /** The pseudo-tenant operator callers belong to. */
  public static final TenantRef REF = new TenantRef("platform");

  /** The role an operator holds in the operators' realm. */
  public static final String ROLE = "platform-admin";

  @Inject
  @ConfigProperty(name = "roundtable.operator.realm", defaultValue = "roundtable-operators")
  String realmName;

  /** The operators' realm as a tenant-shaped description (for issuer lookup and provisioning). */
  public Tenant realm() {
    return new Tenant(
        REF.slug(),
        "Roundtable operators",
        realmName,
        Tenant.Status.ACTIVE,
        List.of(),
        Tenant.SignIn.READY);
  }

  /** Whether a realm is one a council may never sign in through (Keycloak's master, or ours). */
  public boolean isReservedRealm(String realm) {
    return realm.equals("master") || realm.equals(realmName);
  }

  @Inject CurrentCaller currentCaller;

  /**
   * Defence in depth for services that change the tenant registry: whatever route reached them, the
   * caller of this request must be an operator themselves.
   *
   * @throws Forbidden forbidden for anyone else, or outside a request
   */
  public void requireOperator() {
    boolean operator;
    try {
      operator = currentCaller.get().map(Operators::isOperator).orElse(false);
    } catch (ContextNotActiveException e) {
      operator = false; // no request, no caller
    }
    if (!operator) {
      throw new Forbidden("Only the installation's operators may change its councils");
    }
  }

  public static boolean isOperator(Caller caller) {
    return REF.equals(caller.tenant()) && caller.roles().contains(ROLE);
  }
}
