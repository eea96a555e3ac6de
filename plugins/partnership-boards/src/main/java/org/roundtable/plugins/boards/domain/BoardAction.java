package org.roundtable.plugins.boards.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** An action from a meeting, carried forward on the board's action log until it is done. */
@Entity
@Table(name = "boards_action")
@TenantOwned
public class BoardAction {

  @Id private UUID id;

  @Column(name = "board_id", nullable = false, updatable = false)
  private UUID boardId;

  @Column(name = "raised_at_meeting", nullable = false, updatable = false)
  private UUID raisedAtMeeting;

  @Column(nullable = false)
  private String description;

  @Column(name = "owner_name", nullable = false)
  private String owner;

  @Column(name = "due_on")
  private LocalDate dueOn;

  @Column(name = "done_at")
  private Instant doneAt;

  protected BoardAction() {}

  public BoardAction(
      UUID id,
      UUID boardId,
      UUID raisedAtMeeting,
      String description,
      String owner,
      LocalDate due) {
    this.id = id;
    this.boardId = boardId;
    this.raisedAtMeeting = raisedAtMeeting;
    this.description = description;
    this.owner = owner;
    this.dueOn = due;
  }

  public UUID id() {
    return id;
  }

  public UUID boardId() {
    return boardId;
  }

  public UUID raisedAtMeeting() {
    return raisedAtMeeting;
  }

  public String description() {
    return description;
  }

  public String owner() {
    return owner;
  }

  public LocalDate dueOn() {
    return dueOn;
  }

  public boolean isDone() {
    return doneAt != null;
  }

  public void complete(Instant now) {
    if (doneAt == null) {
      doneAt = now;
    }
  }
}
