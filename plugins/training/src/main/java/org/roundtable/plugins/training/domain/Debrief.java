package org.roundtable.plugins.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/**
 * The debrief with an expert by experience after a session: how it went for them, what to change.
 */
@Entity(name = "TrainingDebrief")
@Table(name = "training_debrief")
@IdClass(Facilitator.Key.class)
@TenantOwned
public class Debrief {

  @Id
  @Column(name = "session_id")
  private UUID sessionId;

  @Id
  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "how_it_went", nullable = false)
  private String howItWent;

  @Column(name = "what_to_change")
  private String whatToChange;

  @Column(name = "written_by", nullable = false)
  private UUID writtenBy;

  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  protected Debrief() {}

  public Debrief(UUID sessionId, UUID memberId) {
    this.sessionId = sessionId;
    this.memberId = memberId;
  }

  /** Writes (or rewrites) the debrief. */
  public void write(String howItWentForThem, String change, UUID by, Instant at) {
    this.howItWent = howItWentForThem;
    this.whatToChange = change;
    this.writtenBy = by;
    this.writtenAt = at;
  }

  public UUID sessionId() {
    return sessionId;
  }

  public UUID memberId() {
    return memberId;
  }

  public String howItWent() {
    return howItWent;
  }

  public String whatToChange() {
    return whatToChange;
  }

  public Instant writtenAt() {
    return writtenAt;
  }
}
