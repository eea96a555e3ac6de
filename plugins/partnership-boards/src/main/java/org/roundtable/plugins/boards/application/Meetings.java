package org.roundtable.plugins.boards.application;

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
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
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
import org.roundtable.plugins.boards.BoardsPlugin;
import org.roundtable.plugins.boards.domain.AgendaItem;
import org.roundtable.plugins.boards.domain.Attendance;
import org.roundtable.plugins.boards.domain.Board;
import org.roundtable.plugins.boards.domain.BoardMembership;
import org.roundtable.plugins.boards.domain.Meeting;

/**
 * A board's meetings: scheduled and changed (members are told, with a calendar entry), attendance
 * recorded as participation (so people are paid for their time), and quorum.
 */
@ApplicationScoped
public class Meetings {

  @Inject EntityManager entityManager;
  @Inject Members members;
  @Inject AuditTrail audit;
  @Inject ParticipationRecords participation;
  @Inject PluginSettings settings;
  @Inject Mail mail;
  @Inject Clock clock;
  @Inject Boards boards;
  @Inject CurrentMember currentMember;

  private static final Logger LOG = Logger.getLogger(Boards.class.getName());

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
    Board board = boards.board(boardId);
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
    if (!isGuestOf(meetingId)) {
      boards.board(meeting.boardId());
    }
    return meeting;
  }

  /**
   * Whether the signed-in person is a guest of this meeting, and only that: they see the meeting
   * and its papers without sitting on its board.
   */
  public boolean isGuestOf(UUID meetingId) {
    return currentMember.isGuestOnly()
        && currentMember.guestRecords(BoardsPlugin.GUEST_MEETINGS).contains(meetingId.toString());
  }

  /** A board's meetings, soonest last (newest first). */
  @Transactional
  public List<Meeting> meetings(UUID boardId) {
    boards.board(boardId);
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
    List<UUID> boardIds = boards.visible().stream().map(Board::id).toList();
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
    return MeetingInvitations.calendar(boards.board(meeting.boardId()).name(), meeting);
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
        boards.memberships(board.id()).stream()
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
    long seated =
        boards.memberships(meeting.boardId()).stream().filter(m -> m.isCurrent(day)).count();
    long percent = settings.on(BoardsPlugin.QUORUM_PERCENT, day);
    int present = (int) attendance(meetingId).stream().filter(a -> a.status().tookPart()).count();
    return Quorum.of(seated, percent, present);
  }

  private void tellMembers(Board board, Meeting meeting, String subjectPrefix) {
    byte[] ics = MeetingInvitations.calendar(board.name(), meeting);
    String text = MeetingInvitations.text(board.name(), meeting);
    List<String> failed = new ArrayList<>();
    for (BoardMembership seat : boards.memberships(board.id())) {
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
