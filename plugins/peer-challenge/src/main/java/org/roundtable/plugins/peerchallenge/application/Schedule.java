package org.roundtable.plugins.peerchallenge.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.platform.Mail;
import org.roundtable.api.platform.Members;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.peerchallenge.domain.Challenge;
import org.roundtable.plugins.peerchallenge.domain.Session;
import org.roundtable.plugins.peerchallenge.domain.SessionMember;
import org.roundtable.plugins.peerchallenge.domain.TeamMember;

/**
 * The on-site schedule: who on the team goes where, when, with the access information they need.
 * Everyone on the team sees the whole schedule, whatever their part, and so do the host's
 * coordinators who arrange it; each team member going to a session gets an email with a calendar
 * invitation (iCalendar, ical4j), updated in place when it moves.
 */
@ApplicationScoped
public class Schedule {

  private static final Logger LOG = Logger.getLogger(Schedule.class.getName());
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM 'from' h:mma", Locale.UK);

  @Inject EntityManager entityManager;
  @Inject ChallengeAccess access;
  @Inject Members members;
  @Inject Mail mail;
  @Inject AuditTrail audit;

  /** What a session is: kind, title, when, where and how to get in. */
  public record Details(
      Session.Kind kind,
      String title,
      Instant startsAt,
      Instant endsAt,
      String place,
      String accessInfo) {}

  /**
   * Adds a session with the team members going, and sends each their invitation.
   *
   * @throws Refused for someone not on the team
   */
  @Transactional
  public Session add(UUID challengeId, Details details, List<UUID> going) {
    Challenge challenge = access.forManager(challengeId);
    for (UUID member : going) {
      if (entityManager.find(TeamMember.class, new TeamMember.Key(challenge.id(), member))
          == null) {
        throw new Refused("members", "choose people on this challenge's team");
      }
    }
    Session session =
        new Session(
            UUID.randomUUID(),
            challenge.id(),
            details.kind(),
            details.title(),
            details.startsAt(),
            details.endsAt(),
            details.place(),
            details.accessInfo());
    entityManager.persist(session);
    entityManager.flush();
    Set.copyOf(going).forEach(m -> entityManager.persist(new SessionMember(session.id(), m)));
    audit.record(
        "peer-challenge.session-added", "challenge", challenge.id().toString(), details.title());
    invite(challenge, session, going, "");
    return session;
  }

  /** Moves a session; everyone going gets the updated invitation. */
  @Transactional
  public Session move(UUID challengeId, UUID sessionId, Details details) {
    Challenge challenge = access.forManager(challengeId);
    Session session = session(challenge, sessionId);
    session.move(details.startsAt(), details.endsAt(), details.place(), details.accessInfo());
    invite(challenge, session, going(session.id()), "Moved: ");
    return session;
  }

  /** The schedule, in order: the team, managers and the host's coordinators alike. */
  @Transactional
  public List<Session> sessions(UUID challengeId) {
    Challenge challenge = access.visible(challengeId);
    return entityManager
        .createQuery(
            "SELECT s FROM Session s WHERE s.challengeId = :c ORDER BY s.startsAt, s.id",
            Session.class)
        .setParameter("c", challenge.id())
        .getResultList();
  }

  /** Who goes to a session. */
  @Transactional
  public List<UUID> going(UUID sessionId) {
    return entityManager
        .createQuery(
            "SELECT m.memberId FROM SessionMember m WHERE m.sessionId = :s ORDER BY m.memberId",
            UUID.class)
        .setParameter("s", sessionId)
        .getResultList();
  }

  /** A session as an iCalendar file: one UID, its sequence rising each time it moves. */
  public static byte[] calendar(Challenge challenge, Session session) {
    VEvent event =
        new VEvent(
            session.startsAt(),
            Duration.between(session.startsAt(), session.endsAt()),
            "Peer challenge of " + challenge.hostCouncil() + ": " + session.title());
    event.add(new Uid(session.id() + "@roundtable"));
    event.add(new Sequence(session.sequence()));
    if (session.place() != null) {
      event.add(new Location(session.place()));
    }
    event.add(new Description(text(challenge, session)));
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Roundtable//Peer challenge//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(event);
    return calendar.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String text(Challenge challenge, Session session) {
    StringBuilder text =
        new StringBuilder()
            .append(session.kind().words())
            .append(": ")
            .append(session.title())
            .append("\nPeer challenge of ")
            .append(challenge.hostCouncil())
            .append("\n\nWhen: ")
            .append(
                WHEN.format(session.startsAt().atZone(UkTime.ZONE))
                    .replace("AM", "am")
                    .replace("PM", "pm"))
            .append('\n');
    if (session.place() != null) {
      text.append("Where: ").append(session.place()).append('\n');
    }
    if (session.accessInfo() != null) {
      text.append("Getting there and access: ").append(session.accessInfo()).append('\n');
    }
    text.append(
        "\nIf you need anything to take part (a support worker, a quiet room, help with travel),"
            + " reply to this email.\n");
    return text.toString();
  }

  private Session session(Challenge challenge, UUID sessionId) {
    Session session = entityManager.find(Session.class, sessionId);
    if (session == null || !session.challengeId().equals(challenge.id())) {
      throw new NotFound("This session");
    }
    return session;
  }

  /** Emails each person going, with the invitation; someone without an address is skipped. */
  private void invite(Challenge challenge, Session session, List<UUID> going, String prefix) {
    byte[] ics = calendar(challenge, session);
    Map<UUID, Members.Summary> people = members.findAll(going);
    List<String> notSent = new ArrayList<>();
    for (UUID member : going) {
      var email =
          people.containsKey(member)
              ? people.get(member).email()
              : java.util.Optional.<String>empty();
      if (email.isEmpty()) {
        continue;
      }
      try {
        mail.send(
            email.get(),
            prefix + "Peer challenge of " + challenge.hostCouncil() + " — " + session.title(),
            text(challenge, session),
            List.of(new Mail.Attachment("session.ics", "text/calendar; charset=UTF-8", ics)));
      } catch (Mail.MailNotSent e) {
        notSent.add(member.toString());
      }
    }
    if (!notSent.isEmpty()) {
      LOG.warning(() -> "No invitation could be queued for " + notSent.size() + " team members");
    }
  }
}
