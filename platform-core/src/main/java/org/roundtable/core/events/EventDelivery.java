package org.roundtable.core.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** That one listener has handled one event (so it is not given it again). */
@Entity
@Table(name = "event_delivery")
@IdClass(EventDelivery.Key.class)
@TenantOwned
public class EventDelivery {

  @Id
  @Column(name = "event_id")
  private UUID eventId;

  @Id private String listener;

  @Column(name = "delivered_at", nullable = false)
  private Instant deliveredAt;

  protected EventDelivery() {}

  EventDelivery(UUID eventId, String listener, Instant deliveredAt) {
    this.eventId = eventId;
    this.listener = listener;
    this.deliveredAt = deliveredAt;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    UUID eventId;
    String listener;

    public Key() {}

    Key(UUID eventId, String listener) {
      this.eventId = eventId;
      this.listener = listener;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.eventId.equals(eventId) && k.listener.equals(listener);
    }

    @Override
    public int hashCode() {
      return Objects.hash(eventId, listener);
    }
  }
}
