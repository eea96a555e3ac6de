package org.roundtable.plugins.peerchallenge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/**
 * One action of the host's time-bound plan, answering a recommendation: who owns it, by when, and
 * how it is going (what the progress review looks at).
 */
@Entity
@Table(name = "peer_challenge_action")
@TenantOwned
public class PlannedAction {

  /** How an action is going. */
  public enum Status {
    NOT_STARTED,
    IN_PROGRESS,
    DONE
  }

  @Id private UUID id;

  @Column(name = "challenge_id", nullable = false, updatable = false)
  private UUID challengeId;

  @Column(nullable = false)
  private String recommendation;

  @Column(nullable = false)
  private String action;

  @Column(nullable = false)
  private String owner;

  @Column(name = "due_on", nullable = false)
  private LocalDate dueOn;

  @Column(nullable = false)
  private String status;

  @Column private String progress;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Version private long version;

  protected PlannedAction() {}

  public PlannedAction(
      UUID id,
      UUID challengeId,
      String recommendation,
      String action,
      String owner,
      LocalDate dueOn,
      Instant at) {
    this.id = id;
    this.challengeId = challengeId;
    this.recommendation = recommendation;
    this.action = action;
    this.owner = owner;
    this.dueOn = dueOn;
    this.status = Status.NOT_STARTED.name();
    this.changedAt = at;
  }

  public UUID id() {
    return id;
  }

  public UUID challengeId() {
    return challengeId;
  }

  public String recommendation() {
    return recommendation;
  }

  public String action() {
    return action;
  }

  public String owner() {
    return owner;
  }

  public LocalDate dueOn() {
    return dueOn;
  }

  public Status status() {
    return Status.valueOf(status);
  }

  public String progress() {
    return progress;
  }

  /** Records how it is going. */
  public void progress(Status newStatus, String note, Instant at) {
    this.status = newStatus.name();
    this.progress = note;
    this.changedAt = at;
  }

  /** Whether it is past its date and not done, on {@code today}. */
  public boolean overdue(LocalDate today) {
    return status() != Status.DONE && today.isAfter(dueOn);
  }
}
