package org.roundtable.testkit.fakes;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.tenancy.TenantRef;

/** One council's data at a time: the bound council's, never another's. */
final class PerCouncil<T> {

  private final TenantContext tenants;
  private final Supplier<T> empty;
  private final Map<TenantRef, T> data = new HashMap<>();

  PerCouncil(TenantContext tenants, Supplier<T> empty) {
    this.tenants = tenants;
    this.empty = empty;
  }

  T current() {
    return data.computeIfAbsent(tenants.current(), t -> empty.get());
  }
}
