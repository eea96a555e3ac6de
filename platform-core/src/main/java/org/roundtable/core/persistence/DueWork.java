package org.roundtable.core.persistence;

import org.roundtable.core.tenancy.Tenant;

/**
 * Work the platform does after commit, tenant by tenant, whenever something is due: delivering
 * events, sending the mail outbox, resealing old values. The dispatcher runs every such bean for
 * every active tenant (and, if it asks, every suspended one).
 */
public interface DueWork {

  /**
   * Does what is due in one tenant, each unit in a transaction bound to it.
   *
   * @return how many units were done
   */
  int runDue(Tenant tenant);

  /**
   * Whether it also runs in suspended tenants (whose data is kept): upkeep of stored data does;
   * work on behalf of people, such as mail, waits until the tenant is resumed.
   */
  default boolean alsoWhenSuspended() {
    return false;
  }
}
