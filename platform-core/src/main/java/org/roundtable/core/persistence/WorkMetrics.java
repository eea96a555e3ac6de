package org.roundtable.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What operators count in {@code /metrics} of the work done after commit, per pod (Prometheus adds
 * the pods up): deliveries that failed and will be tried again, deliveries given up (they wait in
 * the failed list), deliveries an operator sent again, and plugin jobs run and failed. An alert on
 * {@code increase(roundtable_deliveries_given_up_total[1h]) > 0} says the list has something in it.
 */
@ApplicationScoped
public class WorkMetrics {

  @Inject MetricRegistry registry;

  /** A delivery failed and is tried again later. */
  public void deliveryRetried(String outbox) {
    registry.counter("roundtable_deliveries_retried", new Tag("outbox", outbox)).inc();
  }

  /** A delivery failed its last attempt: it waits in the failed list for an operator. */
  public void deliveryGivenUp(String outbox) {
    registry.counter("roundtable_deliveries_given_up", new Tag("outbox", outbox)).inc();
  }

  /** An operator sent a failed delivery again. */
  public void deliveryResent(String outbox) {
    registry.counter("roundtable_deliveries_resent", new Tag("outbox", outbox)).inc();
  }

  /** A plugin job ran in a council, and whether it failed. */
  public void jobRan(String job, boolean failed) {
    registry.counter("roundtable_job_runs", new Tag("job", job)).inc();
    if (failed) {
      registry.counter("roundtable_job_failures", new Tag("job", job)).inc();
    }
  }
}
