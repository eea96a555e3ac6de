package org.roundtable.bench.control;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A row of the platform's {@code boards_record} table (sub-groups, decisions, achievements), read
 * only, with the columns the boards plugin's board read shows.
 */
@Entity
@Table(name = "boards_record")
public class BareRecord {

  @Id private UUID id;

  @Column(name = "board_id", nullable = false)
  private UUID boardId;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private String title;

  @Column private String body;

  @Column private String outcome;

  @Column(name = "happened_on", nullable = false)
  private LocalDate happenedOn;

  protected BareRecord() {}

  /** The record as JSON. */
  public record View(UUID id, String title, String body, String outcome, LocalDate happenedOn) {}

  public String kind() {
    return kind;
  }

  public View view() {
    return new View(id, title, body, outcome, happenedOn);
  }
}
