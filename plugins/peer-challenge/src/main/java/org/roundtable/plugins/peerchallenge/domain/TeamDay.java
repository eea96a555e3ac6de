package org.roundtable.plugins.peerchallenge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/**
 * A day (or half day) a team member gave the challenge: preparation, a team meeting, or on site. An
 * expert-by-experience peer's day is a participation record, paid as any other.
 */
@Entity
@Table(name = "peer_challenge_team_day")
@IdClass(TeamDay.Key.class)
@TenantOwned
public class TeamDay {

  @Id
  @Column(name = "challenge_id")
  private UUID challengeId;

  @Id
  @Column(name = "member_id")
  private UUID memberId;

  @Id
  @Column(name = "day")
  private LocalDate day;

  @Column(nullable = false)
  private String part;

  @Column(name = "half_day", nullable = false)
  private boolean halfDay;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected TeamDay() {}

  public TeamDay(
      UUID challengeId, UUID memberId, LocalDate day, DayPart part, boolean halfDay, Instant at) {
    this.challengeId = challengeId;
    this.memberId = memberId;
    this.day = day;
    this.part = part.name();
    this.halfDay = halfDay;
    this.recordedAt = at;
  }

  public UUID challengeId() {
    return challengeId;
  }

  public UUID memberId() {
    return memberId;
  }

  public LocalDate day() {
    return day;
  }

  public DayPart part() {
    return DayPart.valueOf(part);
  }

  public boolean halfDay() {
    return halfDay;
  }

  /** Changes what the day was (the record follows). */
  public void change(DayPart newPart, boolean newHalfDay, Instant at) {
    this.part = newPart.name();
    this.halfDay = newHalfDay;
    this.recordedAt = at;
  }

  /** The stable reference of its participation record: one per person and day. */
  public String reference() {
    return "peer-challenge:" + challengeId + ":" + memberId + ":" + day;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    UUID challengeId;
    UUID memberId;
    LocalDate day;

    public Key() {}

    public Key(UUID challengeId, UUID memberId, LocalDate day) {
      this.challengeId = challengeId;
      this.memberId = memberId;
      this.day = day;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.challengeId.equals(challengeId)
          && k.memberId.equals(memberId)
          && k.day.equals(day);
    }

    @Override
    public int hashCode() {
      return Objects.hash(challengeId, memberId, day);
    }
  }
}
