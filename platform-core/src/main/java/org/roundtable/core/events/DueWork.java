package org.roundtable.core.events;

import org.roundtable.core.tenancy.Tenant;

/**
 * Work the platform does after commit, tenant by tenant, whenever something is due: delivering
 * events, sending the mail outbox. The dispatcher runs every such bean for every active tenant.
 */
public interface DueWork {

  /**
   * Does what is due in one tenant, each unit in a transaction bound to it.
   *
   * @return how many units were done
   */
  int runDue(Tenant tenant);
}
