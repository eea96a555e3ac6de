package org.roundtable.bench.control;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A row of the platform's {@code boards_membership} table, read only, with the columns the boards
 * plugin's board read shows.
 */
@Entity
@Table(name = "boards_membership")
public class BareSeat {

  @Id private UUID id;

  @Column(name = "board_id", nullable = false)
  private UUID boardId;

  @Column(name = "member_id", nullable = false)
  private UUID memberId;

  @Column(name = "board_role", nullable = false)
  private String role;

  @Column(name = "lived_experience", nullable = false)
  private boolean livedExperience;

  @Column(name = "term_start", nullable = false)
  private LocalDate termStart;

  @Column(name = "term_end")
  private LocalDate termEnd;

  protected BareSeat() {}

  /** The seat as JSON. */
  public record View(
      UUID id,
      UUID memberId,
      String role,
      boolean livedExperience,
      LocalDate termStart,
      LocalDate termEnd) {}

  public View view() {
    return new View(id, memberId, role, livedExperience, termStart, termEnd);
  }
}
