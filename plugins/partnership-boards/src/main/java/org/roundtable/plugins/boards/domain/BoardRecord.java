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
 * What a board keeps on record besides meetings: declarations of interest, decisions, sub-groups (a
 * piece of work and, once done, its outcome) and achievements. One table, told apart by kind,
 * because they share their shape: a text, who it concerns, when.
 */
@Entity
@Table(name = "boards_record")
@TenantOwned
public class BoardRecord {

  /** The kinds of record. */
  public enum Kind {
    DECLARATION,
    DECISION,
    SUBGROUP,
    ACHIEVEMENT
  }

  @Id private UUID id;

  @Column(name = "board_id", nullable = false, updatable = false)
  private UUID boardId;

  @Column(nullable = false, updatable = false)
  private String kind;

  /** The meeting it was made at, if any. */
  @Column(name = "meeting_id", updatable = false)
  private String meetingId;

  /** The member it concerns (a declaration's declarer), if any. */
  @Column(name = "member_id", updatable = false)
  private String memberId;

  @Column(nullable = false)
  private String title;

  private String body;

  /** A sub-group's outcome, once its work is done. */
  private String outcome;

  @Column(name = "happened_on", nullable = false)
  private LocalDate happenedOn;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  protected BoardRecord() {}

  public BoardRecord(
      UUID boardId,
      Kind kind,
      UUID meetingId,
      UUID memberId,
      String title,
      String body,
      LocalDate happenedOn,
      Instant now) {
    this.id = UUID.randomUUID();
    this.boardId = boardId;
    this.kind = kind.name();
    this.meetingId = meetingId == null ? null : meetingId.toString();
    this.memberId = memberId == null ? null : memberId.toString();
    this.title = title;
    this.body = body;
    this.happenedOn = happenedOn;
    this.recordedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID boardId() {
    return boardId;
  }

  public Kind kind() {
    return Kind.valueOf(kind);
  }

  public String meetingId() {
    return meetingId;
  }

  public String memberId() {
    return memberId;
  }

  public String title() {
    return title;
  }

  public String body() {
    return body;
  }

  public String outcome() {
    return outcome;
  }

  public LocalDate happenedOn() {
    return happenedOn;
  }

  public void conclude(String outcomeText) {
    this.outcome = outcomeText;
  }
}
