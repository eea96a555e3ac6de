package org.roundtable.plugins.boards;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.participation.Participation;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.platform.Mail;
import org.roundtable.api.platform.Members;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.api.time.UkTime;

/**
 * The boards' rules in one place: who may see a board (its members, and those who manage boards),
 * quorum, the agenda's standard items, attendance as participation, minutes from draft to approved,
 * and the action log carried forward until done.
 */
@ApplicationScoped
public class Boards {

  private static final Logger LOG = Logger.getLogger(Boards.class.getName());

  @Inject EntityManager entityManager;
  @Inject CurrentMember currentMember;
  @Inject Members members;
  @Inject AuditTrail audit;
  @Inject ParticipationRecords participation;
  @Inject PluginSettings settings;
  @Inject Mail mail;
  @Inject Clock clock;

  /** A meeting's quorum: how many must take part, how many did, and so whether it is quorate. */
  public record Quorum(int required, int present, boolean quorate) {

    /**
     * The quorum of a meeting with {@code seated} members on its day, of whom {@code present} took
     * part, when the council asks for {@code percent} of them: that share rounded up, and never
     * fewer than one.
     */
    static Quorum of(long seated, long percent, int present) {
      int required = (int) Math.max(1, (seated * percent + 99) / 100);
      return new Quorum(required, present, present >= required);
    }
  }

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
    Board board = entityManager.find(Board.class, id);
    if (board == null || (!canManage() && !myBoards().contains(id))) {
      throw new NotFound();
    }
    return board;
  }

  @Transactional
  public List<BoardMembership> memberships(UUID boardId) {
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
    board(boardId);
    if (members.find(memberId).isEmpty()) {
      throw new Refused("memberId", "There is no such member in this council");
    }
    if (termEnd != null && termEnd.isBefore(termStart)) {
      throw new Refused("termEnd", "The term cannot end before it starts");
    }
    boolean already = memberships(boardId).stream().anyMatch(m -> m.memberId().equals(memberId));
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
        memberships(board(boardId).id()).stream()
            .filter(m -> m.memberId().equals(me))
            .findFirst()
            .orElseThrow(() -> new Conflict("Only the board's members accept it"));
    membership.acceptConduct(clock.instant());
    audit.record("boards.conduct.accepted", "board", boardId.toString(), null);
    return membership;
  }

  /** Schedules a meeting with the standard agenda items and emails each member an invitation. */
  @Transactional
  public Meeting schedule(
      UUID boardId,
      String title,
      Instant startsAt,
      Integer durationMinutes,
      String venue,
      String accessibility,
      String onlineLink) {
    Board board = board(boardId);
    if (venue == null && onlineLink == null) {
      throw new Refused("venue", "Give a venue, an online link, or both");
    }
    int minutes =
        durationMinutes != null
            ? durationMinutes
            : Math.toIntExact(settings.get(BoardsPlugin.MEETING_LENGTH).toMinutes());
    Meeting meeting = new Meeting(UUID.randomUUID(), boardId, title.strip(), startsAt, minutes);
    meeting.place(venue, accessibility, onlineLink);
    entityManager.persist(meeting);
    // No mapped relationships: write the meeting before the items that refer to it.
    entityManager.flush();
    int position = 1;
    for (String item : settings.get(BoardsPlugin.STANDARD_ITEMS)) {
      entityManager.persist(
          new AgendaItem(UUID.randomUUID(), meeting.id(), position++, item, null, null, false));
    }
    audit.record("boards.meeting.scheduled", "meeting", meeting.id().toString(), title);
    tellMembers(board, meeting, "Invitation: ");
    return meeting;
  }

  /** Moves or re-places a meeting; members are told when its time changes. */
  @Transactional
  public Meeting change(
      UUID meetingId,
      Instant startsAt,
      Integer durationMinutes,
      String venue,
      String accessibility,
      String onlineLink) {
    Meeting meeting = meeting(meetingId);
    if (venue == null && onlineLink == null) {
      throw new Refused("venue", "Give a venue, an online link, or both");
    }
    boolean moved =
        meeting.reschedule(
            startsAt, durationMinutes != null ? durationMinutes : meeting.durationMinutes());
    meeting.place(venue, accessibility, onlineLink);
    audit.record("boards.meeting.changed", "meeting", meetingId.toString(), null);
    if (moved) {
      tellMembers(entityManager.find(Board.class, meeting.boardId()), meeting, "Meeting moved: ");
    }
    return meeting;
  }

  @Transactional
  public Meeting meeting(UUID meetingId) {
    Meeting meeting = entityManager.find(Meeting.class, meetingId);
    if (meeting == null) {
      throw new NotFound();
    }
    board(meeting.boardId());
    return meeting;
  }

  /** A board's meetings, soonest last (newest first). */
  @Transactional
  public List<Meeting> meetings(UUID boardId) {
    board(boardId);
    return entityManager
        .createQuery(
            "SELECT m FROM Meeting m WHERE m.boardId = :board ORDER BY m.startsAt DESC",
            Meeting.class)
        .setParameter("board", boardId)
        .getResultList();
  }

  /** The meetings from now on of the boards the current person may see, soonest first. */
  @Transactional
  public List<Meeting> upcoming(int limit) {
    List<UUID> boardIds = visible().stream().map(Board::id).toList();
    if (boardIds.isEmpty()) {
      return List.of();
    }
    return entityManager
        .createQuery(
            "SELECT m FROM Meeting m WHERE m.boardId IN :boards AND m.startsAt >= :now"
                + " ORDER BY m.startsAt",
            Meeting.class)
        .setParameter("boards", boardIds)
        .setParameter("now", clock.instant().minus(java.time.Duration.ofHours(3)))
        .setMaxResults(limit)
        .getResultList();
  }

  /** A meeting as an iCalendar file, to add to a calendar. */
  @Transactional
  public byte[] calendar(UUID meetingId) {
    Meeting meeting = meeting(meetingId);
    return MeetingInvitations.calendar(board(meeting.boardId()).name(), meeting);
  }

  /** The agenda in order; confidential items only for the board's members and managers. */
  @Transactional
  public List<AgendaItem> agenda(UUID meetingId) {
    meeting(meetingId);
    return entityManager
        .createQuery(
            "SELECT a FROM AgendaItem a WHERE a.meetingId = :meeting ORDER BY a.position",
            AgendaItem.class)
        .setParameter("meeting", meetingId)
        .getResultList();
  }

  /** A board member proposes an item; it goes to the end of the agenda. */
  @Transactional
  public AgendaItem propose(
      UUID meetingId, String title, String description, boolean confidential) {
    Meeting meeting = meeting(meetingId);
    UUID me = currentMember.id().orElseThrow(NotFound::new);
    if (!canManage() && !myBoards().contains(meeting.boardId())) {
      throw new NotFound();
    }
    int next = agenda(meetingId).stream().mapToInt(AgendaItem::position).max().orElse(0) + 1;
    AgendaItem item =
        new AgendaItem(
            UUID.randomUUID(),
            meetingId,
            next,
            title.strip(),
            description,
            me.toString(),
            confidential);
    entityManager.persist(item);
    audit.record("boards.agenda.proposed", "meeting", meetingId.toString(), title);
    return item;
  }

  /** Puts the agenda in the given order: every item, each once. */
  @Transactional
  public List<AgendaItem> reorder(UUID meetingId, List<UUID> order) {
    List<AgendaItem> items = agenda(meetingId);
    Map<UUID, AgendaItem> byId =
        items.stream().collect(Collectors.toMap(AgendaItem::id, Function.identity()));
    if (order.size() != items.size() || !byId.keySet().equals(Set.copyOf(order))) {
      throw new Refused("order", "List every item of the agenda once, in the new order");
    }
    for (int i = 0; i < order.size(); i++) {
      byId.get(order.get(i)).moveTo(i + 1);
    }
    audit.record("boards.agenda.ordered", "meeting", meetingId.toString(), null);
    return agenda(meetingId);
  }

  /**
   * Records how a member attended. Taking part in a lived-experience seat is recorded as
   * participation (and corrected or withdrawn when the attendance is corrected).
   */
  @Transactional
  public Attendance attend(UUID meetingId, UUID memberId, Attendance.Status status) {
    Meeting meeting = meeting(meetingId);
    Board board = entityManager.find(Board.class, meeting.boardId());
    BoardMembership seat =
        memberships(board.id()).stream()
            .filter(m -> m.memberId().equals(memberId))
            .findFirst()
            .orElseThrow(() -> new Refused("memberId", "This member does not sit on the board"));
    Attendance attendance =
        entityManager.find(Attendance.class, new Attendance.Key(meetingId, memberId));
    if (attendance == null) {
      attendance = new Attendance(meetingId, memberId, status);
      entityManager.persist(attendance);
    } else {
      attendance.change(status);
    }
    String reference = "boards:meeting:" + meetingId;
    if (status.tookPart()) {
      participation.record(
          new Participation(
              memberId,
              "board-meeting",
              board.name()
                  + " — "
                  + meeting.title()
                  + " — "
                  + MeetingInvitations.when(meeting.startsAt()),
              reference,
              meeting.startsAt(),
              Duration.ofMinutes(meeting.durationMinutes()),
              seat.role(),
              seat.livedExperience()));
    } else {
      participation.withdraw(memberId, reference);
    }
    audit.record(
        "boards.attendance.recorded", "meeting", meetingId.toString(), memberId + " " + status);
    return attendance;
  }

  @Transactional
  public List<Attendance> attendance(UUID meetingId) {
    meeting(meetingId);
    return entityManager
        .createQuery("SELECT a FROM Attendance a WHERE a.meetingId = :meeting", Attendance.class)
        .setParameter("meeting", meetingId)
        .getResultList();
  }

  /** Quorum: the tenant's share of the members seated on the meeting's day, rounded up. */
  @Transactional
  public Quorum quorum(UUID meetingId) {
    Meeting meeting = meeting(meetingId);
    LocalDate day = LocalDate.ofInstant(meeting.startsAt(), UkTime.ZONE);
    long seated = memberships(meeting.boardId()).stream().filter(m -> m.isCurrent(day)).count();
    long percent = settings.on(BoardsPlugin.QUORUM_PERCENT, day);
    int present = (int) attendance(meetingId).stream().filter(a -> a.status().tookPart()).count();
    return Quorum.of(seated, percent, present);
  }

  @Transactional
  public Meeting draftMinutes(UUID meetingId, String text) {
    Meeting meeting = meeting(meetingId);
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
    Meeting meeting = meeting(meetingId);
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
    Meeting meeting = meeting(meetingId);
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
    if (action == null || !action.boardId().equals(board(boardId).id())) {
      throw new NotFound();
    }
    action.complete(clock.instant());
    audit.record("boards.action.done", "board", boardId.toString(), action.description());
    return action;
  }

  /** The board's action log: every action not yet done, whichever meeting raised it. */
  @Transactional
  public List<BoardAction> openActions(UUID boardId) {
    board(boardId);
    return entityManager
        .createQuery(
            "SELECT a FROM BoardAction a WHERE a.boardId = :board AND a.doneAt IS NULL"
                + " ORDER BY a.dueOn",
            BoardAction.class)
        .setParameter("board", boardId)
        .getResultList();
  }

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
    board(boardId);
    if (meetingId != null && !meeting(meetingId).boardId().equals(boardId)) {
      throw new NotFound();
    }
    UUID memberId = null;
    if (kind == BoardRecord.Kind.DECLARATION) {
      memberId = currentMember.id().orElseThrow(NotFound::new);
      UUID me = memberId;
      if (memberships(boardId).stream().noneMatch(m -> m.memberId().equals(me))) {
        throw new Conflict("Only the board's members declare interests here");
      }
    } else if (!canManage()) {
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
        || !record.boardId().equals(board(boardId).id())
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
    board(boardId);
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

  /** Adds a paper (or the easy-read version of one) to a meeting, within the tenant's limits. */
  @Transactional
  public Paper addPaper(
      UUID meetingId,
      String title,
      UUID easyReadOf,
      String fileName,
      String contentType,
      byte[] content) {
    Meeting meeting = meeting(meetingId);
    long limit = settings.get(BoardsPlugin.PAPER_LIMIT_MB) * 1024 * 1024;
    if (content.length == 0) {
      throw new Refused("file", "The paper is empty");
    }
    if (content.length > limit) {
      throw new Refused(
          Refused.Reason.TOO_LARGE,
          "file",
          "Papers can be at most " + settings.get(BoardsPlugin.PAPER_LIMIT_MB) + " MB");
    }
    PaperTypes.problem(contentType, content)
        .ifPresent(
            problem -> {
              throw new Refused(Refused.Reason.UNSUPPORTED_TYPE, "file", problem);
            });
    if (easyReadOf != null) {
      Paper original = entityManager.find(Paper.class, easyReadOf);
      if (original == null || !original.meetingId().equals(meeting.id())) {
        throw new Refused("easyReadOf", "easyReadOf must be a paper of the same meeting");
      }
    }
    Paper paper =
        new Paper(
            meetingId,
            title.strip(),
            easyReadOf,
            fileName,
            contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT),
            content,
            clock.instant());
    entityManager.persist(paper);
    audit.record("boards.paper.added", "meeting", meetingId.toString(), title);
    return paper;
  }

  /** A meeting's papers, without their contents. */
  @Transactional
  public List<Object[]> papers(UUID meetingId) {
    meeting(meetingId);
    return entityManager
        .createQuery(
            "SELECT p.id, p.title, p.easyReadOf, p.fileName, p.contentType, p.sizeBytes"
                + " FROM Paper p WHERE p.meetingId = :meeting ORDER BY p.uploadedAt",
            Object[].class)
        .setParameter("meeting", meetingId)
        .getResultList();
  }

  /** One paper, with its contents, for someone who may see the meeting. */
  @Transactional
  public Paper paper(UUID meetingId, UUID paperId) {
    meeting(meetingId);
    Paper paper = entityManager.find(Paper.class, paperId);
    if (paper == null || !paper.meetingId().equals(meetingId)) {
      throw new NotFound();
    }
    paper.content();
    return paper;
  }

  /** The share of current seats held by people with lived experience (the board's balance). */
  @Transactional
  public long livedExperienceSeats(UUID boardId) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), UkTime.ZONE);
    return memberships(boardId).stream()
        .filter(m -> m.isCurrent(today) && m.livedExperience())
        .count();
  }

  public boolean canManage() {
    return currentMember.hasPermission(BoardsPlugin.MANAGE);
  }

  private Set<UUID> myBoards() {
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

  private void tellMembers(Board board, Meeting meeting, String subjectPrefix) {
    byte[] ics = MeetingInvitations.calendar(board.name(), meeting);
    String text = MeetingInvitations.text(board.name(), meeting);
    List<String> failed = new ArrayList<>();
    for (BoardMembership seat : memberships(board.id())) {
      Optional<String> email = members.find(seat.memberId()).flatMap(Members.Summary::email);
      if (email.isEmpty()) {
        continue;
      }
      try {
        mail.send(
            email.get(),
            subjectPrefix + board.name() + " — " + meeting.title(),
            text,
            List.of(new Mail.Attachment("meeting.ics", "text/calendar; charset=UTF-8", ics)));
      } catch (Mail.MailNotSent e) {
        failed.add(seat.memberId().toString());
      }
    }
    if (!failed.isEmpty()) {
      LOG.warning(() -> "Meeting email not sent to " + failed.size() + " members");
    }
  }
}
