package org.roundtable.plugins.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** A member accepted the code of conduct, at their first booking on a members' course. */
@Entity
@Table(name = "training_conduct")
@TenantOwned
public class ConductAccepted {

  @Id
  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "accepted_at", nullable = false)
  private Instant acceptedAt;

  protected ConductAccepted() {}

  public ConductAccepted(UUID memberId, Instant acceptedAt) {
    this.memberId = memberId;
    this.acceptedAt = acceptedAt;
  }

  public UUID memberId() {
    return memberId;
  }

  public Instant acceptedAt() {
    return acceptedAt;
  }
}
