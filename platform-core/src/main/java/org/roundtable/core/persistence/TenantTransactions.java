package org.roundtable.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.persistence.internal.TransactionBoundary;
import org.roundtable.core.tenancy.TenantBinding;

/**
 * Runs a unit of work in a transaction of its own, bound to one explicit tenant. Work that spans
 * tenants (start-up reconciliation, jobs) calls it once per tenant: there is no "all tenants"
 * connection in the application.
 */
@ApplicationScoped
public class TenantTransactions {

  @Inject TransactionBoundary transactions;

  /** Runs {@code work} in a new transaction bound to {@code tenant}. */
  public <T> T inTenant(TenantRef tenant, Supplier<T> work) {
    return TenantBinding.callAs(tenant, () -> transactions.runNew(work));
  }

  /**
   * Runs {@code work} in the caller's transaction, or in one of its own if there is none, for the
   * tenant as bound: what a per-pod cache reads on a miss (ADR 0025), so that a hit, nearly every
   * request, begins no transaction at all.
   */
  public <T> T joined(Supplier<T> work) {
    return transactions.runJoined(work);
  }

  /** Runs {@code work} in a new transaction with no tenant bound: tenant-owned rows are hidden. */
  public <T> T withoutTenant(Supplier<T> work) {
    return TenantBinding.callUnbound(() -> transactions.runNew(work));
  }
}
