package org.roundtable.api.tenancy;

import java.util.Optional;

/**
 * The tenant the current request or unit of work is bound to.
 *
 * <p>Inside a request the platform fixes the tenant from the URL before any plugin code runs.
 * Outside a request (a scheduled job, an event) the tenant is an explicit argument of the work.
 *
 * @since 1.0.0
 */
public interface TenantContext {

  /**
   * The tenant of the current unit of work.
   *
   * @return the tenant
   * @throws IllegalStateException when no tenant is bound, which is a programming error
   * @since 1.0.0
   */
  TenantRef current();

  /**
   * The tenant of the current unit of work, if one is bound.
   *
   * @return the tenant, or empty outside a tenant's unit of work
   * @since 1.0.0
   */
  Optional<TenantRef> find();
}
