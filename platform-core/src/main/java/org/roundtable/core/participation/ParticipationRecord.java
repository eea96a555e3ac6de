package org.roundtable.core.participation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.participation.Participation;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.api.persistence.TenantOwned;

/** A participation record as stored: one per member and activity, corrected in place. */
@Entity
@Table(name = "participation_record")
@TenantOwned
public class ParticipationRecord {

  @Id private UUID id;

  @Column(name = "member_id", nullable = false, updatable = false)
  private UUID memberId;

  @Column(name = "activity_type", nullable = false)
  private String activityType;

  @Column(name = "activity_title", nullable = false)
  private String activityTitle;

  @Column(name = "activity_reference", nullable = false, updatable = false)
  private String activityReference;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "duration_minutes", nullable = false)
  private int durationMinutes;

  @Column(nullable = false)
  private String role;

  @Column(name = "lived_experience", nullable = false)
  private boolean livedExperience;

  @Column(nullable = false)
  private boolean withdrawn;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Version private long version;

  protected ParticipationRecord() {}

  ParticipationRecord(UUID id, Participation participation, Instant now) {
    this.id = id;
    this.memberId = participation.memberId();
    this.activityReference = participation.activityReference();
    apply(participation, now);
  }

  /** Takes the corrected facts; returns whether anything changed. */
  boolean apply(Participation participation, Instant now) {
    Participation before = withdrawn || activityType == null ? null : toParticipation();
    this.activityType = participation.activityType();
    this.activityTitle = participation.activityTitle();
    this.startedAt = participation.start();
    this.durationMinutes = Math.toIntExact(participation.duration().toMinutes());
    this.role = participation.role();
    this.livedExperience = participation.livedExperience();
    this.withdrawn = false;
    this.recordedAt = now;
    return !participation.equals(before);
  }

  void withdraw(Instant now) {
    this.withdrawn = true;
    this.recordedAt = now;
  }

  public UUID id() {
    return id;
  }

  public boolean isWithdrawn() {
    return withdrawn;
  }

  /** The record as plugins read it back. */
  public ParticipationRecords.Entry toEntry() {
    return new ParticipationRecords.Entry(id, toParticipation(), withdrawn, recordedAt);
  }

  public Participation toParticipation() {
    return new Participation(
        memberId,
        activityType,
        activityTitle,
        activityReference,
        startedAt,
        Duration.ofMinutes(durationMinutes),
        role,
        livedExperience);
  }
}
