package org.roundtable.plugins.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.persistence.TenantOwned;

/**
 * A person's place on a session, or their place in its waiting list. When a place comes free, the
 * first person waiting is offered it until a time; they accept it, or it goes to the next.
 */
@Entity
@Table(name = "training_booking")
@TenantOwned
public class Booking {

  /** Where a booking stands. */
  public enum Status {
    BOOKED,
    WAITING,
    OFFERED,
    CANCELLED,
    EXPIRED;

    /** Whether it holds one of the session's places (an offer holds it until it runs out). */
    public boolean holdsAPlace() {
      return this == BOOKED || this == OFFERED;
    }
  }

  @Id private UUID id;

  @Column(name = "session_id", nullable = false, updatable = false)
  private UUID sessionId;

  @Column(name = "member_id", nullable = false, updatable = false)
  private UUID memberId;

  @Column(nullable = false)
  private String status;

  @Column(name = "booked_by", nullable = false)
  private UUID bookedBy;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "offered_until")
  private Instant offeredUntil;

  @Column(name = "reminded_at")
  private Instant remindedAt;

  private Boolean attended;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Version private long version;

  protected Booking() {}

  /**
   * A new request for a place: booked when the session has a place free, else waiting.
   *
   * @param placesHeld the session's places already held (booked or offered)
   */
  public Booking(
      UUID id,
      UUID sessionId,
      UUID memberId,
      UUID bookedBy,
      int capacity,
      long placesHeld,
      Instant at) {
    this.id = id;
    this.sessionId = sessionId;
    this.memberId = memberId;
    this.bookedBy = bookedBy;
    this.requestedAt = at;
    this.changedAt = at;
    this.status = (placesHeld < capacity ? Status.BOOKED : Status.WAITING).name();
  }

  /**
   * Asks again after cancelling or letting an offer run out: a place if one is free, else the end
   * of the waiting list.
   *
   * @throws Conflict while the booking is live
   */
  public void requestAgain(UUID by, int capacity, long placesHeld, Instant at) {
    if (status() != Status.CANCELLED && status() != Status.EXPIRED) {
      throw new Conflict(
          status() == Status.WAITING
              ? "They are on the waiting list already"
              : "They have a place");
    }
    this.bookedBy = by;
    this.requestedAt = at;
    this.offeredUntil = null;
    this.status = (placesHeld < capacity ? Status.BOOKED : Status.WAITING).name();
    this.changedAt = at;
  }

  /** Offers the place that came free, until a time. */
  public void offer(Instant until, Instant at) {
    if (status() != Status.WAITING) {
      throw new IllegalStateException("Only someone waiting is offered a place");
    }
    status = Status.OFFERED.name();
    offeredUntil = until;
    changedAt = at;
  }

  /**
   * Takes the offered place.
   *
   * @throws Conflict when there is no offer, or it has run out
   */
  public void accept(Instant at) {
    if (status() != Status.OFFERED) {
      throw new Conflict("There is no place on offer to accept");
    }
    if (!at.isBefore(offeredUntil)) {
      throw new Conflict("The offer ran out: the place went to the next person waiting");
    }
    status = Status.BOOKED.name();
    offeredUntil = null;
    changedAt = at;
  }

  /** An offer not taken in time. */
  public void expire(Instant at) {
    if (status() == Status.OFFERED && !at.isBefore(offeredUntil)) {
      status = Status.EXPIRED.name();
      offeredUntil = null;
      changedAt = at;
    }
  }

  /**
   * Gives up the place, the offer or the place in the waiting list.
   *
   * @return whether a place came free
   * @throws Conflict when there is nothing to cancel
   */
  public boolean cancel(Instant at) {
    Status was = status();
    if (was == Status.CANCELLED || was == Status.EXPIRED) {
      throw new Conflict("There is no booking to cancel");
    }
    status = Status.CANCELLED.name();
    offeredUntil = null;
    changedAt = at;
    return was.holdsAPlace();
  }

  /** The register: whether they came. */
  public void attended(boolean came) {
    if (status() != Status.BOOKED) {
      throw new Conflict("Only someone with a place is on the register");
    }
    this.attended = came;
  }

  /** Notes that the reminder went. */
  public void reminded(Instant at) {
    this.remindedAt = at;
  }

  public UUID id() {
    return id;
  }

  public UUID sessionId() {
    return sessionId;
  }

  public UUID memberId() {
    return memberId;
  }

  public Status status() {
    return Status.valueOf(status);
  }

  public UUID bookedBy() {
    return bookedBy;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public Instant offeredUntil() {
    return offeredUntil;
  }

  public Instant remindedAt() {
    return remindedAt;
  }

  /** Whether they came; null until the register is taken. */
  public Boolean attended() {
    return attended;
  }
}
