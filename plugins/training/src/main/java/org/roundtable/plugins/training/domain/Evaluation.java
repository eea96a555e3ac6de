package org.roundtable.plugins.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/**
 * An attendee's evaluation of a session, anonymous: nothing in it says whose it is (who has
 * evaluated is kept apart, {@link Evaluated}), so the reports built from it cannot say either.
 */
@Entity
@Table(name = "training_evaluation")
@TenantOwned
public class Evaluation {

  @Id private UUID id;

  @Column(name = "session_id", nullable = false, updatable = false)
  private UUID sessionId;

  @Column(name = "doing_differently")
  private String doingDifferently;

  @Column(name = "expert_contribution")
  private String expertContribution;

  protected Evaluation() {}

  public Evaluation(UUID id, UUID sessionId, String doingDifferently, String expertContribution) {
    this.id = id;
    this.sessionId = sessionId;
    this.doingDifferently = doingDifferently;
    this.expertContribution = expertContribution;
  }

  public UUID id() {
    return id;
  }

  public UUID sessionId() {
    return sessionId;
  }

  /** What they will do differently. */
  public String doingDifferently() {
    return doingDifferently;
  }

  /** What the expert by experience's contribution meant to them. */
  public String expertContribution() {
    return expertContribution;
  }
}
