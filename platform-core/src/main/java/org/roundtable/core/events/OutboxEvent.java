package org.roundtable.core.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** An event in the transactional outbox: written with the change, delivered after commit. */
@Entity
@Table(name = "event_outbox")
@TenantOwned
public class OutboxEvent {

  @Id private UUID id;

  @Column(nullable = false, updatable = false)
  private String type;

  @Column(nullable = false, updatable = false)
  private String payload;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private boolean done;

  protected OutboxEvent() {}

  OutboxEvent(UUID id, String type, String payload, Instant occurredAt) {
    this.id = id;
    this.type = type;
    this.payload = payload;
    this.occurredAt = occurredAt;
  }

  public UUID id() {
    return id;
  }

  public String type() {
    return type;
  }

  public String payload() {
    return payload;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  void markDone() {
    this.done = true;
  }

  /** Pending again: a listener given up on it is to be tried again. */
  void markPending() {
    this.done = false;
  }
}
