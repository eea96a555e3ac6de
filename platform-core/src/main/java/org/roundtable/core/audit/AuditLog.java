package org.roundtable.core.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.core.request.RequestContext;

/**
 * The append-only audit log. Every write records an entry in the same transaction as the write, so
 * the log and the data always agree: a request that fails leaves neither.
 */
@ApplicationScoped
public class AuditLog {

  @Inject EntityManager entityManager;
  @Inject Actors caller;
  @Inject Clock clock;

  /** Records a write by the current caller; must run inside the write's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(String action, String resourceType, String resourceId, String details) {
    write(
        caller.actor(),
        caller.onBehalfOf().orElse(null),
        action,
        resourceType,
        resourceId,
        details);
  }

  /** Records a write made by the platform itself (start-up, a job), naming the system actor. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordSystem(
      String systemActor, String action, String resourceType, String resourceId, String details) {
    write("system:" + systemActor, null, action, resourceType, resourceId, details);
  }

  private void write(
      String actor,
      UUID onBehalfOf,
      String action,
      String resourceType,
      String resourceId,
      String details) {
    entityManager.persist(
        new AuditEntry(
            clock.instant(),
            actor,
            onBehalfOf,
            action,
            resourceType,
            resourceId,
            RequestContext.requestId().orElse(null),
            details));
  }

  /** The newest entries first, optionally only those about one resource. */
  @Transactional
  public List<AuditEntry> newest(int limit, Optional<String> resourceId) {
    var query =
        resourceId.isPresent()
            ? entityManager
                .createQuery(
                    "SELECT a FROM AuditEntry a WHERE a.resourceId = :resource"
                        + " ORDER BY a.occurredAt DESC, a.id",
                    AuditEntry.class)
                .setParameter("resource", resourceId.get())
            : entityManager.createQuery(
                "SELECT a FROM AuditEntry a ORDER BY a.occurredAt DESC, a.id", AuditEntry.class);
    return query.setMaxResults(limit).getResultList();
  }

  /**
   * Entries matching every filter given, newest first: an action starting with {@code action}
   * ({@code claim.} finds every claim action), an actor containing {@code actor}, at or after
   * {@code from} and before {@code to}.
   */
  @Transactional
  public List<AuditEntry> search(
      Optional<String> action,
      Optional<String> actor,
      Optional<java.time.Instant> from,
      Optional<java.time.Instant> to,
      int limit) {
    StringBuilder jpql = new StringBuilder("SELECT a FROM AuditEntry a WHERE 1 = 1");
    action.ifPresent(a -> jpql.append(" AND a.action LIKE :action"));
    actor.ifPresent(a -> jpql.append(" AND LOWER(a.actor) LIKE :actor"));
    from.ifPresent(f -> jpql.append(" AND a.occurredAt >= :from"));
    to.ifPresent(t -> jpql.append(" AND a.occurredAt < :to"));
    jpql.append(" ORDER BY a.occurredAt DESC, a.id");
    var query = entityManager.createQuery(jpql.toString(), AuditEntry.class);
    action.ifPresent(a -> query.setParameter("action", escapeLike(a) + "%"));
    actor.ifPresent(a -> query.setParameter("actor", "%" + escapeLike(a.toLowerCase()) + "%"));
    from.ifPresent(f -> query.setParameter("from", f));
    to.ifPresent(t -> query.setParameter("to", t));
    return query.setMaxResults(limit).getResultList();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
