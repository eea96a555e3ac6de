package org.roundtable.core.persistence;

import java.time.Duration;
import java.util.Optional;
import org.roundtable.core.tenancy.Tenant;

/**
 * Work the platform does after commit, council by council, when the due-work table says it is due
 * ({@link DueWorkTable}): delivering events, sending the mail outbox, resealing old values. Whoever
 * makes work marks it due; the dispatcher claims it, runs it, and asks when it is due next.
 */
public interface DueWork {

  /** Its name in the due-work table ({@code mail}, {@code reseal}). */
  String kind();

  /**
   * Does what is due in one tenant, each unit in a transaction bound to it.
   *
   * @return how many units were done
   */
  int runDue(Tenant tenant);

  /**
   * After a run: how long until it is due again in the tenant (more than a batch left, a retry
   * later), or empty when nothing is left.
   */
  Optional<Duration> nextDue(Tenant tenant);

  /**
   * Whether it also runs in suspended tenants (whose data is kept): upkeep of stored data does;
   * work on behalf of people, such as mail, waits until the tenant is resumed.
   */
  default boolean alsoWhenSuspended() {
    return false;
  }
}
