package org.roundtable.plugins.peerchallenge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** A finding the team drafts on a line of enquiry, supported by evidence notes. */
@Entity
@Table(name = "peer_challenge_finding")
@TenantOwned
public class Finding {

  @Id private UUID id;

  @Column(name = "challenge_id", nullable = false, updatable = false)
  private UUID challengeId;

  @Column(name = "line_id", nullable = false, updatable = false)
  private UUID lineId;

  @Column(nullable = false, updatable = false)
  private String judgement;

  @Column(nullable = false, updatable = false)
  private String text;

  @Column(name = "drafted_by", nullable = false, updatable = false)
  private UUID draftedBy;

  @Column(name = "drafted_at", nullable = false, updatable = false)
  private Instant draftedAt;

  protected Finding() {}

  public Finding(
      UUID id,
      UUID challengeId,
      UUID lineId,
      Judgement judgement,
      String text,
      UUID draftedBy,
      Instant draftedAt) {
    this.id = id;
    this.challengeId = challengeId;
    this.lineId = lineId;
    this.judgement = judgement.name();
    this.text = text;
    this.draftedBy = draftedBy;
    this.draftedAt = draftedAt;
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

  public Judgement judgement() {
    return Judgement.valueOf(judgement);
  }

  public String text() {
    return text;
  }

  public UUID draftedBy() {
    return draftedBy;
  }

  public Instant draftedAt() {
    return draftedAt;
  }
}
