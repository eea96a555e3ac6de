package org.roundtable.core.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.audit.AuditLog;
import org.roundtable.core.events.FailedEvents;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.mail.MailOutbox;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.plugin.PluginJobs;
import org.roundtable.core.tenancy.TenantRegistry;

/**
 * A council's background work as operators see it: its plugins' jobs, and the deliveries given up
 * on (emails and listeners' events) with what failed and why, never what they said or to whom.
 * Operators only; what an operator sets going is audited in the council.
 */
@ApplicationScoped
public class CouncilWork {

  @Inject Operators operators;
  @Inject TenantRegistry registry;
  @Inject TenantTransactions transactions;
  @Inject PluginJobs jobs;
  @Inject MailOutbox mail;
  @Inject FailedEvents events;
  @Inject AuditLog audit;

  /** The deliveries of a council given up on: emails, and events a listener failed on. */
  public record FailedDeliveries(List<MailOutbox.Failed> mail, List<FailedEvents.Failed> events) {}

  /** The council's plugin jobs: schedule, next due time, last run and failures. */
  public List<PluginJobs.Status> jobs(String slug) {
    return jobs.status(council(slug));
  }

  /** Has a job run now in the council, on whichever pod claims it first. */
  public void runJob(String slug, String job) {
    TenantRef council = council(slug);
    jobs.runNow(council, job);
    transactions.inTenant(
        council,
        () -> {
          audit.record("job.run-requested", "job", job, "by an operator");
          return null;
        });
  }

  /** The council's deliveries given up on, latest first. */
  public FailedDeliveries failedDeliveries(String slug) {
    return transactions.inTenant(
        council(slug), () -> new FailedDeliveries(mail.failed(), events.failed()));
  }

  /**
   * Sends a delivery given up on again, now: an email, or an event to the listener that failed.
   *
   * @throws NotFound if the council has no delivery given up on with that id
   */
  public void retry(String slug, UUID id) {
    transactions.inTenant(
        council(slug),
        () -> {
          if (!mail.resend(id) && !events.retry(id)) {
            throw new NotFound("The failed delivery " + id);
          }
          audit.record("delivery.retried", "delivery", id.toString(), "by an operator");
          return null;
        });
  }

  private TenantRef council(String slug) {
    operators.requireOperator();
    return registry
        .find(slug)
        .filter(tenant -> !tenant.slug().equals(TenantRegistry.OPERATORS))
        .orElseThrow(() -> new NotFound("The tenant " + slug))
        .ref();
  }
}
