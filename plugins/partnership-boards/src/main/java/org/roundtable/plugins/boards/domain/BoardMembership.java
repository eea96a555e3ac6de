package org.roundtable.plugins.boards.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/**
 * A member's seat on a board: their board role, term, and whether it is a lived-experience seat.
 */
@Entity
@Table(name = "boards_membership")
@TenantOwned
public class BoardMembership {

  @Id private UUID id;

  @Column(name = "board_id", nullable = false, updatable = false)
  private UUID boardId;

  @Column(name = "member_id", nullable = false, updatable = false)
  private UUID memberId;

  @Column(name = "board_role", nullable = false)
  private String role;

  @Column(name = "lived_experience", nullable = false)
  private boolean livedExperience;

  @Column(name = "term_start", nullable = false)
  private LocalDate termStart;

  @Column(name = "term_end")
  private LocalDate termEnd;

  @Column(name = "conduct_accepted_at")
  private Instant conductAcceptedAt;

  protected BoardMembership() {}

  public BoardMembership(
      UUID id,
      UUID boardId,
      UUID memberId,
      String role,
      boolean livedExperience,
      LocalDate termStart,
      LocalDate termEnd) {
    this.id = id;
    this.boardId = boardId;
    this.memberId = memberId;
    this.role = role;
    this.livedExperience = livedExperience;
    this.termStart = termStart;
    this.termEnd = termEnd;
  }

  public UUID boardId() {
    return boardId;
  }

  public UUID memberId() {
    return memberId;
  }

  public String role() {
    return role;
  }

  public boolean livedExperience() {
    return livedExperience;
  }

  public LocalDate termStart() {
    return termStart;
  }

  public LocalDate termEnd() {
    return termEnd;
  }

  public Instant conductAcceptedAt() {
    return conductAcceptedAt;
  }

  /** Whether the seat is held on {@code day}. */
  public boolean isCurrent(LocalDate day) {
    return !termStart.isAfter(day) && (termEnd == null || !termEnd.isBefore(day));
  }

  public void acceptConduct(Instant now) {
    if (conductAcceptedAt == null) {
      conductAcceptedAt = now;
    }
  }
}
