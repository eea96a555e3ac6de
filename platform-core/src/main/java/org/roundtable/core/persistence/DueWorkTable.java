package org.roundtable.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.roundtable.api.jobs.ScheduledJob;

/**
 * What is due, and when, in which council ({@code platform_due_work}): council ids, a kind of work
 * and a time, nothing else, so it needs no row-level security and one query finds the work of every
 * council (ADR 0024). Marking work due notifies every pod's dispatcher at commit ({@code NOTIFY
 * roundtable_due}); a pod claims a row with a lease, so only one does the work, and a pod that dies
 * mid-way leaves it due again when the lease ends.
 */
@ApplicationScoped
public class DueWorkTable {

  /** The notification channel dispatchers listen on. */
  public static final String CHANNEL = "roundtable_due";

  /** How long a claim keeps other pods away from the same work. */
  static final Duration LEASE = Duration.ofMinutes(1);

  /** How long a claim of a plugin's job does: a job may run longer than a batch of mail. */
  static final Duration JOB_LEASE = ScheduledJob.LEASE;

  /** The prefix of the kinds of plugins' jobs ({@code job:plugin:name}). */
  public static final String JOB = "job:";

  private static final String OPERATORS = "platform";

  @Inject EntityManager entityManager;
  @Inject TenantTransactions transactions;

  /**
   * A claimed row: the council, the kind of work, and the lease's end as the database wrote it
   * (text, compared exactly when the work is finished).
   */
  public record Claim(String tenant, String kind, String leasedUntil) {}

  /**
   * Marks work due in the current council after a delay, in the caller's transaction: it exists
   * exactly when the change that made it does. Earlier due times win.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void markDue(String kind, Duration delay) {
    entityManager
        .createNativeQuery(
            "INSERT INTO platform_due_work (tenant_id, kind, due_at)"
                + " VALUES (current_setting('app.tenant_id'), ?1, now() + ?2 * interval '1 ms')"
                + " ON CONFLICT (tenant_id, kind)"
                + " DO UPDATE SET due_at = LEAST(platform_due_work.due_at, EXCLUDED.due_at)")
        .setParameter(1, kind)
        .setParameter(2, delay.toMillis())
        .executeUpdate();
    notifyDispatchers();
  }

  /**
   * Schedules work in the current council at a time, in the caller's transaction, unless it is
   * already due (then its time stands).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void scheduleIfAbsent(String kind, Instant at) {
    entityManager
        .createNativeQuery(
            "INSERT INTO platform_due_work (tenant_id, kind, due_at)"
                + " VALUES (current_setting('app.tenant_id'), ?1, ?2)"
                + " ON CONFLICT (tenant_id, kind) DO NOTHING")
        .setParameter(1, kind)
        .setParameter(2, Timestamp.from(at))
        .executeUpdate();
  }

  /** When work is next due in the current council, if it is. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Instant> dueAt(String kind) {
    List<?> found =
        entityManager
            .createNativeQuery(
                "SELECT due_at FROM platform_due_work"
                    + " WHERE tenant_id = current_setting('app.tenant_id') AND kind = ?1")
            .setParameter(1, kind)
            .getResultList();
    return found.stream().findFirst().map(DueWorkTable::instant);
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    throw new IllegalStateException("A due time read as " + value.getClass().getName());
  }

  /** Marks work due now in every council (after a start, or when an operator asks). */
  public void markDueEverywhere(String kind) {
    transactions.withoutTenant(
        () -> {
          entityManager
              .createNativeQuery(
                  "INSERT INTO platform_due_work (tenant_id, kind, due_at)"
                      + " SELECT id, ?1, now() FROM platform_tenant WHERE id <> ?2"
                      + " ON CONFLICT (tenant_id, kind) DO UPDATE SET due_at = now()")
              .setParameter(1, kind)
              .setParameter(2, OPERATORS)
              .executeUpdate();
          notifyDispatchers();
          return null;
        });
  }

  /**
   * Claims up to {@code limit} rows that are due, in one statement: each is leased to the caller
   * (its due time moves a minute on, a plugin job's {@link #JOB_LEASE}), and rows another pod holds
   * are skipped.
   */
  @SuppressWarnings("unchecked")
  public List<Claim> claimDue(int limit) {
    return transactions.withoutTenant(
        () ->
            ((List<Object[]>)
                    entityManager
                        .createNativeQuery(
                            "UPDATE platform_due_work w SET due_at = now()"
                                + " + CASE WHEN w.kind LIKE 'job:%' THEN ?3 ELSE ?1 END"
                                + " * interval '1 ms'"
                                + " FROM (SELECT tenant_id, kind FROM platform_due_work"
                                + " WHERE due_at <= now() ORDER BY due_at LIMIT ?2"
                                + " FOR UPDATE SKIP LOCKED) d"
                                + " WHERE w.tenant_id = d.tenant_id AND w.kind = d.kind"
                                + " RETURNING w.tenant_id, w.kind, w.due_at::text")
                        .setParameter(1, LEASE.toMillis())
                        .setParameter(2, limit)
                        .setParameter(3, JOB_LEASE.toMillis())
                        .getResultList())
                .stream()
                    .map(row -> new Claim((String) row[0], (String) row[1], (String) row[2]))
                    .toList());
  }

  /**
   * Ends a claim: the work is due again after a delay, or done. If it was marked due again while
   * claimed (an event published meanwhile), the row is left as that made it.
   */
  public void finish(Claim claim, Optional<Duration> again) {
    transactions.withoutTenant(
        () ->
            (again.isEmpty()
                    ? entityManager.createNativeQuery(
                        "DELETE FROM platform_due_work WHERE tenant_id = ?1 AND kind = ?2"
                            + " AND due_at = CAST(?3 AS timestamptz)")
                    : entityManager
                        .createNativeQuery(
                            "UPDATE platform_due_work SET due_at = now() + ?4 * interval '1 ms'"
                                + " WHERE tenant_id = ?1 AND kind = ?2"
                                + " AND due_at = CAST(?3 AS timestamptz)")
                        .setParameter(4, again.get().toMillis()))
                .setParameter(1, claim.tenant())
                .setParameter(2, claim.kind())
                .setParameter(3, claim.leasedUntil())
                .executeUpdate());
  }

  private void notifyDispatchers() {
    entityManager.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', '')").getSingleResult();
  }
}
