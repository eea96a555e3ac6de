package org.roundtable.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.persistence.internal.NewTransaction;
import org.roundtable.core.tenancy.TenantBinding;

/**
 * Runs a unit of work in a transaction of its own, bound to one explicit tenant. Work that spans
 * tenants (start-up reconciliation, jobs) calls it once per tenant: there is no "all tenants"
 * connection in the application.
 */
@ApplicationScoped
public class TenantTransactions {

  @Inject NewTransaction newTransaction;

  /** Runs {@code work} in a new transaction bound to {@code tenant}. */
  public <T> T inTenant(TenantRef tenant, Supplier<T> work) {
    return TenantBinding.callAs(tenant, () -> newTransaction.run(work));
  }

  /** Runs {@code work} in a new transaction with no tenant bound: tenant-owned rows are hidden. */
  public <T> T withoutTenant(Supplier<T> work) {
    return TenantBinding.callUnbound(() -> newTransaction.run(work));
  }
}
