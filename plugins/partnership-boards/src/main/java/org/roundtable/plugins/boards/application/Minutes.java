package org.roundtable.plugins.boards.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.plugins.boards.domain.BoardAction;
import org.roundtable.plugins.boards.domain.Meeting;

/**
 * What a meeting decided: minutes from draft to approved, and the action log carried forward until
 * each action is done.
 */
@ApplicationScoped
public class Minutes {

  @Inject EntityManager entityManager;
  @Inject AuditTrail audit;
  @Inject ParticipationRecords participation;
  @Inject PluginSettings settings;
  @Inject Clock clock;
  @Inject Boards boards;
  @Inject Meetings meetings;

  @Transactional
  public Meeting draftMinutes(UUID meetingId, String text) {
    Meeting meeting = meetings.meeting(meetingId);
    try {
      meeting.draftMinutes(text);
    } catch (IllegalStateException e) {
      throw new Conflict("The minutes are approved and can no longer change");
    }
    audit.record("boards.minutes.drafted", "meeting", meetingId.toString(), null);
    return meeting;
  }

  @Transactional
  public Meeting approveMinutes(UUID meetingId) {
    Meeting meeting = meetings.meeting(meetingId);
    try {
      meeting.approveMinutes();
    } catch (IllegalStateException e) {
      throw new Conflict("Only draft minutes can be approved");
    }
    audit.record("boards.minutes.approved", "meeting", meetingId.toString(), null);
    return meeting;
  }

  @Transactional
  public BoardAction raiseAction(UUID meetingId, String description, String owner, LocalDate due) {
    Meeting meeting = meetings.meeting(meetingId);
    BoardAction action =
        new BoardAction(
            UUID.randomUUID(),
            meeting.boardId(),
            meetingId,
            description.strip(),
            owner.strip(),
            due);
    entityManager.persist(action);
    audit.record("boards.action.raised", "board", meeting.boardId().toString(), description);
    return action;
  }

  @Transactional
  public BoardAction completeAction(UUID boardId, UUID actionId) {
    BoardAction action = entityManager.find(BoardAction.class, actionId);
    if (action == null || !action.boardId().equals(boards.board(boardId).id())) {
      throw new NotFound();
    }
    action.complete(clock.instant());
    audit.record("boards.action.done", "board", boardId.toString(), action.description());
    return action;
  }

  /** The board's action log: every action not yet done, whichever meeting raised it. */
  @Transactional
  public List<BoardAction> openActions(UUID boardId) {
    boards.board(boardId);
    return entityManager
        .createQuery(
            "SELECT a FROM BoardAction a WHERE a.boardId = :board AND a.doneAt IS NULL"
                + " ORDER BY a.dueOn",
            BoardAction.class)
        .setParameter("board", boardId)
        .getResultList();
  }
}
