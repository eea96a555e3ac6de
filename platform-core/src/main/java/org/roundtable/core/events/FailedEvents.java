package org.roundtable.core.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.roundtable.core.persistence.DueWorkTable;
import org.roundtable.core.persistence.WorkMetrics;

/** Events a listener was given up on, in the current council: listed, and tried again. */
@ApplicationScoped
public class FailedEvents {

  @Inject EntityManager entityManager;
  @Inject DueWorkTable due;
  @Inject WorkMetrics metrics;
  @Inject Clock clock;

  /** A listener given up on an event, as operators see it: never the event's content. */
  public record Failed(
      UUID id,
      UUID eventId,
      String type,
      String listener,
      Instant occurredAt,
      int attempts,
      Instant failedAt,
      String lastError) {}

  /** The council's given-up deliveries, latest first (in the caller's transaction). */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Failed> failed() {
    return entityManager
        .createQuery(
            "SELECT f, e FROM EventFailure f, OutboxEvent e"
                + " WHERE e.id = f.eventId AND f.failedAt IS NOT NULL ORDER BY f.failedAt DESC",
            Object[].class)
        .setMaxResults(500)
        .getResultList()
        .stream()
        .map(
            row -> {
              EventFailure f = (EventFailure) row[0];
              OutboxEvent e = (OutboxEvent) row[1];
              return new Failed(
                  f.id(),
                  e.id(),
                  e.type(),
                  f.listener(),
                  e.occurredAt(),
                  f.attempts(),
                  f.failedAt().orElseThrow(),
                  f.lastError());
            })
        .toList();
  }

  /**
   * Has a given-up listener tried again on its event, now (in the caller's transaction).
   *
   * @return whether it was one given up on
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean retry(UUID id) {
    EventFailure failure = entityManager.find(EventFailure.class, id);
    if (failure == null || failure.failedAt().isEmpty()) {
      return false;
    }
    failure.retry(clock.instant());
    entityManager.find(OutboxEvent.class, failure.eventId()).markPending();
    due.markDue(EventDispatcher.EVENTS, Duration.ZERO);
    metrics.deliveryResent(EventDispatcher.EVENTS);
    return true;
  }
}
