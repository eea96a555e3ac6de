package org.roundtable.testkit.fakes;

import java.util.Optional;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.tenancy.TenantRef;

/** The council a unit of work is bound to, set by the test. */
public final class FakeTenantContext implements TenantContext {

  private TenantRef current;

  /** Binds the council (a slug, as in addresses). */
  public FakeTenantContext bind(String slug) {
    current = new TenantRef(slug);
    return this;
  }

  /** Binds no council, as outside a request. */
  public FakeTenantContext unbind() {
    current = null;
    return this;
  }

  @Override
  public TenantRef current() {
    if (current == null) {
      throw new IllegalStateException("No tenant is bound (bind one first)");
    }
    return current;
  }

  @Override
  public Optional<TenantRef> find() {
    return Optional.ofNullable(current);
  }
}
