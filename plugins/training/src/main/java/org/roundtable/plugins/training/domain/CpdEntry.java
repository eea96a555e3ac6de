package org.roundtable.plugins.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/**
 * A person's CPD entry for a session they came to: their own reflection, what the feedback from
 * people who draw on care and support gave them, and whether they reflected on it with a peer.
 * Theirs only.
 */
@Entity
@Table(name = "training_cpd")
@IdClass(CpdEntry.Key.class)
@TenantOwned
public class CpdEntry {

  @Id
  @Column(name = "session_id")
  private UUID sessionId;

  @Id
  @Column(name = "member_id")
  private UUID memberId;

  private String reflection;

  @Column(name = "lived_experience_feedback")
  private String livedExperienceFeedback;

  @Column(name = "peer_reflection", nullable = false)
  private boolean peerReflection;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected CpdEntry() {}

  public CpdEntry(UUID sessionId, UUID memberId, Instant at) {
    this.sessionId = sessionId;
    this.memberId = memberId;
    this.updatedAt = at;
  }

  /** Writes the reflection (and whether it was with a peer). */
  public void reflect(String text, boolean withAPeer, Instant at) {
    this.reflection = text;
    this.peerReflection = withAPeer;
    this.updatedAt = at;
  }

  /** Keeps what the expert's contribution meant to them, from their evaluation. */
  public void heard(String feedback, Instant at) {
    this.livedExperienceFeedback = feedback;
    this.updatedAt = at;
  }

  public UUID sessionId() {
    return sessionId;
  }

  public UUID memberId() {
    return memberId;
  }

  public String reflection() {
    return reflection;
  }

  public String livedExperienceFeedback() {
    return livedExperienceFeedback;
  }

  public boolean peerReflection() {
    return peerReflection;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    UUID sessionId;
    UUID memberId;

    public Key() {}

    public Key(UUID sessionId, UUID memberId) {
      this.sessionId = sessionId;
      this.memberId = memberId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.sessionId.equals(sessionId) && k.memberId.equals(memberId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(sessionId, memberId);
    }
  }
}
