package org.roundtable.plugins.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/**
 * Someone who facilitates a session, as an equal: an officer or an expert by experience, with their
 * part and the preparation and debrief time it takes them.
 */
@Entity
@Table(name = "training_facilitator")
@IdClass(Facilitator.Key.class)
@TenantOwned
public class Facilitator {

  /** What a facilitator does in a session. */
  public enum Part {
    CO_DESIGNING("Co-designing the session"),
    DELIVERING("Delivering the session"),
    SHARING_STORY("Sharing their story");

    private final String words;

    Part(String words) {
      this.words = words;
    }

    /** The part in plain words. */
    public String words() {
      return words;
    }
  }

  @Id
  @Column(name = "session_id")
  private UUID sessionId;

  @Id
  @Column(name = "member_id")
  private UUID memberId;

  @Column(nullable = false)
  private String part;

  @Column(nullable = false)
  private boolean expert;

  @Column(name = "preparation_minutes", nullable = false)
  private int preparationMinutes;

  @Column(name = "debrief_minutes", nullable = false)
  private int debriefMinutes;

  protected Facilitator() {}

  public Facilitator(
      UUID sessionId,
      UUID memberId,
      Part part,
      boolean expert,
      Duration preparation,
      Duration debrief) {
    this.sessionId = sessionId;
    this.memberId = memberId;
    change(part, expert, preparation, debrief);
  }

  /** Changes their part or their time. */
  public void change(Part newPart, boolean isExpert, Duration preparation, Duration debrief) {
    this.part = newPart.name();
    this.expert = isExpert;
    this.preparationMinutes = Math.toIntExact(preparation.toMinutes());
    this.debriefMinutes = Math.toIntExact(debrief.toMinutes());
  }

  public UUID sessionId() {
    return sessionId;
  }

  public UUID memberId() {
    return memberId;
  }

  public Part part() {
    return Part.valueOf(part);
  }

  /** Whether they facilitate as an expert by experience (paid for their time). */
  public boolean expert() {
    return expert;
  }

  public Duration preparation() {
    return Duration.ofMinutes(preparationMinutes);
  }

  public Duration debrief() {
    return Duration.ofMinutes(debriefMinutes);
  }

  /** The reference of their participation record for this session, one per person and session. */
  public String reference() {
    return "training:" + sessionId + ":" + memberId;
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
