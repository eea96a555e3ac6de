package org.roundtable.plugins.peerchallenge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/**
 * One point of the feedback presentation on the last day, co-written: any team member adds one or
 * rewords another's.
 */
@Entity
@Table(name = "peer_challenge_feedback")
@TenantOwned
public class FeedbackPoint {

  /** Which part of the presentation a point belongs to. */
  public enum Kind {
    STRENGTH,
    AREA_TO_CONSIDER,
    RECOMMENDATION
  }

  @Id private UUID id;

  @Column(name = "challenge_id", nullable = false, updatable = false)
  private UUID challengeId;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private String text;

  @Column(name = "written_by", nullable = false, updatable = false)
  private UUID writtenBy;

  @Column(name = "changed_by", nullable = false)
  private UUID changedBy;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Version private long version;

  protected FeedbackPoint() {}

  public FeedbackPoint(
      UUID id, UUID challengeId, Kind kind, String text, UUID writtenBy, Instant writtenAt) {
    this.id = id;
    this.challengeId = challengeId;
    this.kind = kind.name();
    this.text = text;
    this.writtenBy = writtenBy;
    this.changedBy = writtenBy;
    this.changedAt = writtenAt;
  }

  public UUID id() {
    return id;
  }

  public UUID challengeId() {
    return challengeId;
  }

  public Kind kind() {
    return Kind.valueOf(kind);
  }

  public String text() {
    return text;
  }

  public UUID writtenBy() {
    return writtenBy;
  }

  public UUID changedBy() {
    return changedBy;
  }

  /** Rewords the point (by whoever on the team). */
  public void reword(String newText, UUID by, Instant at) {
    this.text = newText;
    this.changedBy = by;
    this.changedAt = at;
  }
}
