package org.roundtable.core.tenancy.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.tenancy.TenantBinding;

/** The plugin API's view of the tenant binding. */
@ApplicationScoped
public class BoundTenantContext implements TenantContext {

  @Override
  public TenantRef current() {
    return find().orElseThrow(() -> new IllegalStateException("No tenant is bound to this work"));
  }

  @Override
  public Optional<TenantRef> find() {
    return TenantBinding.current();
  }
}
