package org.roundtable.plugins.peerchallenge.domain;

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

/** A member of a challenge's team, in one part; every part sees the same. */
@Entity
@Table(name = "peer_challenge_team_member")
@IdClass(TeamMember.Key.class)
@TenantOwned
public class TeamMember {

  @Id
  @Column(name = "challenge_id")
  private UUID challengeId;

  @Id
  @Column(name = "member_id")
  private UUID memberId;

  @Column(nullable = false)
  private String role;

  @Column(name = "joined_at", nullable = false, updatable = false)
  private Instant joinedAt;

  protected TeamMember() {}

  public TeamMember(UUID challengeId, UUID memberId, TeamRole role, Instant joinedAt) {
    this.challengeId = challengeId;
    this.memberId = memberId;
    this.role = role.name();
    this.joinedAt = joinedAt;
  }

  public UUID challengeId() {
    return challengeId;
  }

  public UUID memberId() {
    return memberId;
  }

  public TeamRole role() {
    return TeamRole.valueOf(role);
  }

  public Instant joinedAt() {
    return joinedAt;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    UUID challengeId;
    UUID memberId;

    public Key() {}

    public Key(UUID challengeId, UUID memberId) {
      this.challengeId = challengeId;
      this.memberId = memberId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.challengeId.equals(challengeId) && k.memberId.equals(memberId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(challengeId, memberId);
    }
  }
}
