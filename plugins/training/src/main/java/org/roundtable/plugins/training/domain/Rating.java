package org.roundtable.plugins.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** Confidence in one learning outcome, before the session and after it, from 1 to 5. */
@Entity
@Table(name = "training_rating")
@IdClass(Rating.Key.class)
@TenantOwned
public class Rating {

  @Id
  @Column(name = "evaluation_id")
  private UUID evaluationId;

  /** The learning outcome's place in the course's list, from 0. */
  @Id private int outcome;

  @Column(name = "confidence_before", nullable = false)
  private int confidenceBefore;

  @Column(name = "confidence_after", nullable = false)
  private int confidenceAfter;

  protected Rating() {}

  public Rating(UUID evaluationId, int outcome, int before, int after) {
    this.evaluationId = evaluationId;
    this.outcome = outcome;
    this.confidenceBefore = before;
    this.confidenceAfter = after;
  }

  public UUID evaluationId() {
    return evaluationId;
  }

  public int outcome() {
    return outcome;
  }

  public int before() {
    return confidenceBefore;
  }

  public int after() {
    return confidenceAfter;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    UUID evaluationId;
    int outcome;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.evaluationId.equals(evaluationId) && k.outcome == outcome;
    }

    @Override
    public int hashCode() {
      return Objects.hash(evaluationId, outcome);
    }
  }
}
