package org.roundtable.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.api.jobs.JobRun;
import org.roundtable.api.jobs.ScheduledJob;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.persistence.WorkMetrics;
import org.roundtable.core.tenancy.Tenant;

/**
 * One run of one plugin job in one council, outside any HTTP request: in a request context of its
 * own (audited as {@code system:jobs}), the job in one transaction bound to the council, its
 * outcome recorded in another (so a failure is recorded although the job's work rolls back).
 */
@ApplicationScoped
public class JobInvocation {

  private static final Logger LOG = Logger.getLogger(JobInvocation.class.getName());

  /** What became of a run. */
  public enum Outcome {
    /** The plugin is off in the council: the job is not scheduled there any more. */
    OFF,
    SUCCEEDED,
    FAILED
  }

  @Inject TenantTransactions transactions;
  @Inject EntityManager entityManager;
  @Inject PluginActivations activations;
  @Inject CurrentCaller caller;
  @Inject WorkMetrics metrics;
  @Inject Clock clock;

  /**
   * Runs the job unless its plugin is off in the council.
   *
   * @return the outcome, and the failures since the last success
   */
  @ActivateRequestContext
  public Result run(ScheduledJob job, String name, Tenant tenant, String pod) {
    caller.actAsSystem("jobs");
    Instant started = clock.instant();
    Optional<Instant> lastSucceeded =
        transactions.inTenant(
            tenant.ref(),
            () ->
                activations.isEnabled(job.pluginId())
                    ? Optional.of(record(name).lastSucceededAt().orElse(Instant.EPOCH))
                    : Optional.<Instant>empty());
    if (lastSucceeded.isEmpty()) {
      return new Result(Outcome.OFF, 0);
    }
    String error = null;
    try {
      transactions.inTenant(
          tenant.ref(),
          () -> {
            job.run(
                new JobRun(
                    tenant.ref(), started, lastSucceeded.filter(at -> !at.equals(Instant.EPOCH))));
            return null;
          });
    } catch (RuntimeException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
      LOG.log(Level.WARNING, "Job " + name + " failed in " + tenant.slug(), e);
    }
    String failure = error;
    int failures =
        transactions.inTenant(
            tenant.ref(),
            () -> {
              JobRecord record = record(name);
              if (failure == null) {
                record.succeeded(started, clock.instant(), pod);
              } else {
                record.failed(started, clock.instant(), pod, failure);
              }
              return record.failures();
            });
    metrics.jobRan(name, failure != null);
    return new Result(failure == null ? Outcome.SUCCEEDED : Outcome.FAILED, failures);
  }

  /** The outcome of a run, and the failed runs since the last success. */
  public record Result(Outcome outcome, int failures) {}

  private JobRecord record(String name) {
    JobRecord record = entityManager.find(JobRecord.class, name);
    if (record == null) {
      record = new JobRecord(name);
      entityManager.persist(record);
    }
    return record;
  }
}
