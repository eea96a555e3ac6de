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
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.platform.Members;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.boards.BoardsPlugin;
import org.roundtable.plugins.boards.domain.BoardRecord;

/**
 * What a board keeps on record besides meetings: declarations of interest, decisions, achievements
 * and sub-groups with their outcomes.
 */
@ApplicationScoped
public class BoardRecords {

  @Inject EntityManager entityManager;
  @Inject CurrentMember currentMember;
  @Inject Members members;
  @Inject AuditTrail audit;
  @Inject ParticipationRecords participation;
  @Inject PluginSettings settings;
  @Inject Clock clock;
  @Inject Boards boards;
  @Inject Meetings meetings;

  /**
   * Records a declaration of interest (by the current member, who must sit on the board), a
   * decision, a sub-group's piece of work or an achievement.
   */
  @Transactional
  public BoardRecord record(
      UUID boardId,
      BoardRecord.Kind kind,
      UUID meetingId,
      String title,
      String body,
      LocalDate on) {
    boards.board(boardId);
    if (meetingId != null && !meetings.meeting(meetingId).boardId().equals(boardId)) {
      throw new NotFound();
    }
    UUID memberId = null;
    if (kind == BoardRecord.Kind.DECLARATION) {
      memberId = currentMember.id().orElseThrow(NotFound::new);
      UUID me = memberId;
      if (boards.memberships(boardId).stream().noneMatch(m -> m.memberId().equals(me))) {
        throw new Conflict("Only the board's members declare interests here");
      }
    } else if (!boards.canManage()) {
      throw new Forbidden("This needs the permission " + BoardsPlugin.MANAGE);
    }
    BoardRecord record =
        new BoardRecord(
            boardId,
            kind,
            meetingId,
            memberId,
            title.strip(),
            body,
            on != null ? on : LocalDate.ofInstant(clock.instant(), UkTime.ZONE),
            clock.instant());
    entityManager.persist(record);
    audit.record(
        "boards." + kind.name().toLowerCase(java.util.Locale.ROOT) + ".recorded",
        "board",
        boardId.toString(),
        title);
    return record;
  }

  /** A sub-group's work is done: its outcome is recorded. */
  @Transactional
  public BoardRecord conclude(UUID boardId, UUID subgroupId, String outcome) {
    BoardRecord record = entityManager.find(BoardRecord.class, subgroupId);
    if (record == null
        || !record.boardId().equals(boards.board(boardId).id())
        || record.kind() != BoardRecord.Kind.SUBGROUP) {
      throw new NotFound();
    }
    record.conclude(outcome);
    audit.record("boards.subgroup.concluded", "board", boardId.toString(), record.title());
    return record;
  }

  /** The board's records of one kind, newest first; a meeting's only, when one is given. */
  @Transactional
  public List<BoardRecord> records(UUID boardId, BoardRecord.Kind kind, UUID meetingId) {
    boards.board(boardId);
    return entityManager
        .createQuery(
            "SELECT r FROM BoardRecord r WHERE r.boardId = :board AND r.kind = :kind"
                + " ORDER BY r.happenedOn DESC",
            BoardRecord.class)
        .setParameter("board", boardId)
        .setParameter("kind", kind.name())
        .getResultList()
        .stream()
        .filter(r -> meetingId == null || meetingId.toString().equals(r.meetingId()))
        .toList();
  }
}
