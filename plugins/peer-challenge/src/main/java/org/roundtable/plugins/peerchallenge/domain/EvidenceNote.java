package org.roundtable.plugins.peerchallenge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/**
 * A note of evidence written during the visit: non-attributable (never the names of the people
 * interviewed), tagged to a line of enquiry and a source type, and marked a strength or an area to
 * consider. The team's only; erased after the challenge's retention date.
 */
@Entity
@Table(name = "peer_challenge_evidence")
@TenantOwned
public class EvidenceNote {

  @Id private UUID id;

  @Column(name = "challenge_id", nullable = false, updatable = false)
  private UUID challengeId;

  @Column(name = "line_id", nullable = false, updatable = false)
  private UUID lineId;

  @Column(name = "source_type", nullable = false, updatable = false)
  private String sourceType;

  @Column(nullable = false, updatable = false)
  private String judgement;

  @Column(nullable = false, updatable = false)
  private String text;

  @Column(name = "written_by", nullable = false, updatable = false)
  private UUID writtenBy;

  @Column(name = "written_at", nullable = false, updatable = false)
  private Instant writtenAt;

  protected EvidenceNote() {}

  public EvidenceNote(
      UUID id,
      UUID challengeId,
      UUID lineId,
      SourceType sourceType,
      Judgement judgement,
      String text,
      UUID writtenBy,
      Instant writtenAt) {
    this.id = id;
    this.challengeId = challengeId;
    this.lineId = lineId;
    this.sourceType = sourceType.name();
    this.judgement = judgement.name();
    this.text = text;
    this.writtenBy = writtenBy;
    this.writtenAt = writtenAt;
  }

  public UUID id() {
    return id;
  }

  public UUID challengeId() {
    return challengeId;
  }

  public UUID lineId() {
    return lineId;
  }

  public SourceType sourceType() {
    return SourceType.valueOf(sourceType);
  }

  public Judgement judgement() {
    return Judgement.valueOf(judgement);
  }

  public String text() {
    return text;
  }

  public UUID writtenBy() {
    return writtenBy;
  }

  public Instant writtenAt() {
    return writtenAt;
  }
}
