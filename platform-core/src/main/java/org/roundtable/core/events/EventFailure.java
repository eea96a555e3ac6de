package org.roundtable.core.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;
import org.roundtable.core.persistence.Attempts;

/**
 * A listener that failed on an event: tried again after 5 s, 10 s, 20 s … at most five minutes,
 * until its last attempt, when it is given up and waits in the failed list for an operator. Its
 * other listeners are not held back.
 */
@Entity
@Table(name = "event_failure")
@TenantOwned
public class EventFailure {

  static final Duration FIRST_WAIT = Duration.ofSeconds(5);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

  @Id private UUID id;

  @Column(name = "event_id", nullable = false, updatable = false)
  private UUID eventId;

  @Column(nullable = false, updatable = false)
  private String listener;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "failed_at")
  private Instant failedAt;

  protected EventFailure() {}

  EventFailure(UUID eventId, String listener) {
    this.id = UUID.randomUUID();
    this.eventId = eventId;
    this.listener = listener;
  }

  UUID id() {
    return id;
  }

  UUID eventId() {
    return eventId;
  }

  String listener() {
    return listener;
  }

  int attempts() {
    return attempts;
  }

  Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  String lastError() {
    return lastError;
  }

  Optional<Instant> failedAt() {
    return Optional.ofNullable(failedAt);
  }

  /** Whether the listener is to be tried now: not given up, and its wait is over. */
  boolean dueBy(Instant now) {
    return failedAt == null && !nextAttemptAt.isAfter(now);
  }

  /**
   * Another failed attempt.
   *
   * @return whether it was the last, and the delivery is given up
   */
  boolean failed(String error, Instant now, int mostAttempts) {
    attempts++;
    nextAttemptAt = now.plus(Attempts.waitAfter(attempts, FIRST_WAIT, LONGEST_WAIT));
    lastError = Attempts.error(error);
    if (attempts >= mostAttempts) {
      failedAt = now;
    }
    return failedAt != null;
  }

  /** An operator has it tried again: due now, its attempts counted afresh. */
  void retry(Instant now) {
    attempts = 0;
    failedAt = null;
    nextAttemptAt = now;
  }
}
