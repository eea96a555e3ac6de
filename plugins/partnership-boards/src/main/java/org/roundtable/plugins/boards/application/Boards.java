package org.roundtable.plugins.boards.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.platform.Members;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.boards.BoardsPlugin;
import org.roundtable.plugins.boards.domain.Board;
import org.roundtable.plugins.boards.domain.BoardMembership;
import org.roundtable.plugins.boards.domain.BoardRecord;

/**
 * Boards and who sits on them: who may see a board (its members, and those who manage boards),
 * seats with terms, lived-experience seats, and the code of conduct each member accepts.
 */
@ApplicationScoped
public class Boards {

  @Inject EntityManager entityManager;
  @Inject CurrentMember currentMember;
  @Inject Members members;
  @Inject AuditTrail audit;
  @Inject ParticipationRecords participation;
  @Inject PluginSettings settings;
  @Inject Clock clock;

  @Transactional
  public Board create(String name, String termsOfReference, String codeOfConduct) {
    Board board =
        new Board(
            UUID.randomUUID(), name.strip(), termsOfReference, codeOfConduct, clock.instant());
    entityManager.persist(board);
    audit.record("boards.board.created", "board", board.id().toString(), board.name());
    return board;
  }

  /** The boards the current person may see: all for those who manage boards, else their own. */
  @Transactional
  public List<Board> visible() {
    List<Board> all =
        entityManager
            .createQuery("SELECT b FROM Board b ORDER BY b.name", Board.class)
            .getResultList();
    if (canManage()) {
      return all;
    }
    Set<UUID> mine = myBoards();
    return all.stream().filter(b -> mine.contains(b.id())).toList();
  }

  /** A board the current person may see; 404 otherwise (it does not exist for them). */
  @Transactional
  public Board board(UUID id) {
    return visibleBoard(id);
  }

  @Transactional
  public List<BoardMembership> memberships(UUID boardId) {
    return seats(boardId);
  }

  // This bean's own calls go to these, not to the public methods: a call through the bean's
  // proxy passes its interceptors again (the transaction's, for a transaction already begun).

  private Board visibleBoard(UUID id) {
    Board board = entityManager.find(Board.class, id);
    if (board == null || (!canManage() && !myBoards().contains(id))) {
      throw new NotFound();
    }
    return board;
  }

  private List<BoardMembership> seats(UUID boardId) {
    return entityManager
        .createQuery(
            "SELECT m FROM BoardMembership m WHERE m.boardId = :board ORDER BY m.termStart",
            BoardMembership.class)
        .setParameter("board", boardId)
        .getResultList();
  }

  @Transactional
  public BoardMembership addMember(
      UUID boardId,
      UUID memberId,
      String role,
      boolean livedExperience,
      LocalDate termStart,
      LocalDate termEnd) {
    visibleBoard(boardId);
    if (members.find(memberId).isEmpty()) {
      throw new Refused("memberId", "There is no such member in this council");
    }
    if (termEnd != null && termEnd.isBefore(termStart)) {
      throw new Refused("termEnd", "The term cannot end before it starts");
    }
    boolean already = seats(boardId).stream().anyMatch(m -> m.memberId().equals(memberId));
    if (already) {
      throw new Conflict("This member already sits on the board");
    }
    BoardMembership membership =
        new BoardMembership(
            UUID.randomUUID(), boardId, memberId, role, livedExperience, termStart, termEnd);
    entityManager.persist(membership);
    audit.record("boards.member.added", "board", boardId.toString(), memberId + " as " + role);
    return membership;
  }

  /** The current member accepts the board's code of conduct. */
  @Transactional
  public BoardMembership acceptConduct(UUID boardId) {
    UUID me = currentMember.id().orElseThrow(NotFound::new);
    BoardMembership membership =
        seats(visibleBoard(boardId).id()).stream()
            .filter(m -> m.memberId().equals(me))
            .findFirst()
            .orElseThrow(() -> new Conflict("Only the board's members accept it"));
    membership.acceptConduct(clock.instant());
    audit.record("boards.conduct.accepted", "board", boardId.toString(), null);
    return membership;
  }

  /** A board with its seats and records, as one read shows it. */
  public record Overview(
      Board board, List<BoardMembership> seats, List<BoardRecord> records, long livedExperience) {

    /** Its records of one kind, newest first. */
    public List<BoardRecord> records(BoardRecord.Kind kind) {
      return records.stream().filter(r -> r.kind() == kind).toList();
    }
  }

  /**
   * A board the current person may see, its seats and all its records, in one transaction and three
   * queries (what the board's page and API show); 404 as {@link #board}.
   */
  @Transactional
  public Overview overview(UUID id) {
    Board board = visibleBoard(id);
    List<BoardMembership> seats = seats(id);
    List<BoardRecord> records =
        entityManager
            .createQuery(
                "SELECT r FROM BoardRecord r WHERE r.boardId = :board ORDER BY r.happenedOn DESC",
                BoardRecord.class)
            .setParameter("board", id)
            .getResultList();
    return new Overview(board, seats, records, livedExperience(seats));
  }

  /** How many current seats people with lived experience hold (the board's balance). */
  private long livedExperience(List<BoardMembership> seats) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), UkTime.ZONE);
    return seats.stream().filter(m -> m.isCurrent(today) && m.livedExperience()).count();
  }

  public boolean canManage() {
    return currentMember.hasPermission(BoardsPlugin.MANAGE);
  }

  Set<UUID> myBoards() {
    Optional<UUID> me = currentMember.id();
    if (me.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        entityManager
            .createQuery(
                "SELECT m.boardId FROM BoardMembership m WHERE m.memberId = :member", UUID.class)
            .setParameter("member", me.get())
            .getResultList());
  }
}
