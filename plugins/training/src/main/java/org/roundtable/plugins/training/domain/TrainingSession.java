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
 * A session of a course: when, where (a venue with its access information, or a link), how many
 * places. Moving it raises its calendar sequence, so everyone's invitation updates in place.
 */
@Entity
@Table(name = "training_session")
@TenantOwned
public class TrainingSession {

  @Id private UUID id;

  @Column(name = "course_id", nullable = false, updatable = false)
  private UUID courseId;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "ends_at", nullable = false)
  private Instant endsAt;

  private String venue;

  @Column(name = "access_info")
  private String accessInfo;

  @Column(name = "online_link")
  private String onlineLink;

  @Column(nullable = false)
  private int capacity;

  @Column(nullable = false)
  private int sequence;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "register_taken_at")
  private Instant registerTakenAt;

  @Version private long version;

  protected TrainingSession() {}

  public TrainingSession(UUID id, UUID courseId, Place place, int capacity) {
    this.id = id;
    this.courseId = courseId;
    this.capacity = capacity;
    take(place);
  }

  /** When and where a session is. */
  public record Place(
      Instant startsAt, Instant endsAt, String venue, String accessInfo, String onlineLink) {}

  /**
   * Moves the session (another time, another room).
   *
   * @throws Conflict once it is cancelled or its register is taken
   */
  public void move(Place place) {
    if (cancelledAt != null || registerTakenAt != null) {
      throw new Conflict("This session has " + (cancelledAt != null ? "been cancelled" : "run"));
    }
    take(place);
    sequence++;
  }

  /**
   * Cancels it.
   *
   * @throws Conflict once its register is taken
   */
  public void cancel(Instant at) {
    if (registerTakenAt != null) {
      throw new Conflict("This session has run: it cannot be cancelled");
    }
    if (cancelledAt == null) {
      cancelledAt = at;
      sequence++;
    }
  }

  /** Notes that the register was taken: the session has run. */
  public void registerTaken(Instant at) {
    if (cancelledAt != null) {
      throw new Conflict("This session was cancelled");
    }
    registerTakenAt = at;
  }

  private void take(Place place) {
    this.startsAt = place.startsAt();
    this.endsAt = place.endsAt();
    this.venue = place.venue();
    this.accessInfo = place.accessInfo();
    this.onlineLink = place.onlineLink();
  }

  public UUID id() {
    return id;
  }

  public UUID courseId() {
    return courseId;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public Instant endsAt() {
    return endsAt;
  }

  public String venue() {
    return venue;
  }

  public String accessInfo() {
    return accessInfo;
  }

  public String onlineLink() {
    return onlineLink;
  }

  public int capacity() {
    return capacity;
  }

  public int sequence() {
    return sequence;
  }

  public boolean cancelled() {
    return cancelledAt != null;
  }

  public Instant registerTakenAt() {
    return registerTakenAt;
  }
}
