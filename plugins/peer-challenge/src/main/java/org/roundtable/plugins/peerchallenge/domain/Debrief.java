package org.roundtable.plugins.peerchallenge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** The team's notes of a day's debrief: the team's only, erased with the evidence. */
@Entity
@Table(name = "peer_challenge_debrief")
@TenantOwned
public class Debrief {

  @Id private UUID id;

  @Column(name = "challenge_id", nullable = false, updatable = false)
  private UUID challengeId;

  @Column(nullable = false, updatable = false)
  private LocalDate day;

  @Column(nullable = false, updatable = false)
  private String text;

  @Column(name = "written_by", nullable = false, updatable = false)
  private UUID writtenBy;

  @Column(name = "written_at", nullable = false, updatable = false)
  private Instant writtenAt;

  protected Debrief() {}

  public Debrief(
      UUID id, UUID challengeId, LocalDate day, String text, UUID writtenBy, Instant writtenAt) {
    this.id = id;
    this.challengeId = challengeId;
    this.day = day;
    this.text = text;
    this.writtenBy = writtenBy;
    this.writtenAt = writtenAt;
  }

  public UUID id() {
    return id;
  }

  public LocalDate day() {
    return day;
  }

  public String text() {
    return text;
  }

  public Instant writtenAt() {
    return writtenAt;
  }
}
