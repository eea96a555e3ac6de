package org.roundtable.plugins.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.platform.Members;
import org.roundtable.plugins.training.domain.Booking;
import org.roundtable.plugins.training.domain.Course;
import org.roundtable.plugins.training.domain.Facilitator;
import org.roundtable.plugins.training.domain.TrainingSession;

/**
 * A course's sessions and who facilitates them. Moving or cancelling a session tells everyone
 * booked, waiting or facilitating, with the updated calendar invitation.
 */
@ApplicationScoped
public class Sessions {

  @Inject EntityManager entityManager;
  @Inject TrainingAccess access;
  @Inject Courses courses;
  @Inject Members members;
  @Inject SessionMail sessionMail;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * A new session of a course.
   *
   * @throws Refused for a session in the past
   */
  @Transactional
  public TrainingSession schedule(UUID courseId, TrainingSession.Place place, int capacity) {
    access.organiser();
    Course course = courses.course(courseId);
    requireAhead(place);
    TrainingSession session = new TrainingSession(UUID.randomUUID(), course.id(), place, capacity);
    entityManager.persist(session);
    audit.record("training.session-scheduled", "session", session.id().toString(), course.title());
    return session;
  }

  /** Moves a session; everyone on it is told, with the updated invitation. */
  @Transactional
  public TrainingSession move(UUID sessionId, TrainingSession.Place place) {
    access.organiser();
    TrainingSession session = session(sessionId);
    requireAhead(place);
    session.move(place);
    audit.record("training.session-moved", "session", session.id().toString(), null);
    sessionMail.tell(
        everyoneOn(session),
        courses.course(session.courseId()),
        session,
        "Moved",
        "This session has moved. The invitation attached updates your calendar.");
    return session;
  }

  /** Cancels a session; everyone on it is told, and their calendars drop it. */
  @Transactional
  public TrainingSession cancel(UUID sessionId) {
    access.organiser();
    TrainingSession session = session(sessionId);
    Set<UUID> told = everyoneOn(session);
    session.cancel(clock.instant());
    audit.record("training.session-cancelled", "session", session.id().toString(), null);
    sessionMail.tell(
        told,
        courses.course(session.courseId()),
        session,
        "Cancelled",
        "Sorry: this session is cancelled. The invitation attached takes it out of your calendar.");
    return session;
  }

  /**
   * Adds a facilitator to a session, or changes their part.
   *
   * @throws NotFound for someone who is not a member of the council
   */
  @Transactional
  public Facilitator facilitate(
      UUID sessionId,
      UUID memberId,
      Facilitator.Part part,
      boolean expert,
      Duration preparation,
      Duration debrief) {
    access.organiser();
    TrainingSession session = session(sessionId);
    if (members.find(memberId).isEmpty()) {
      throw new NotFound("This member");
    }
    Facilitator facilitator =
        entityManager.find(Facilitator.class, new Facilitator.Key(session.id(), memberId));
    if (facilitator == null) {
      facilitator = new Facilitator(session.id(), memberId, part, expert, preparation, debrief);
      entityManager.persist(facilitator);
      sessionMail.tell(
          List.of(memberId),
          courses.course(session.courseId()),
          session,
          "You are facilitating",
          "Thank you for facilitating this session: " + part.words().toLowerCase() + ".");
    } else {
      facilitator.change(part, expert, preparation, debrief);
    }
    return facilitator;
  }

  /** A course's sessions, soonest first. */
  @Transactional
  public List<TrainingSession> of(UUID courseId) {
    return entityManager
        .createQuery(
            "SELECT s FROM TrainingSession s WHERE s.courseId = :c ORDER BY s.startsAt, s.id",
            TrainingSession.class)
        .setParameter("c", courses.course(courseId).id())
        .getResultList();
  }

  /** A session's facilitators. */
  @Transactional
  public List<Facilitator> facilitators(UUID sessionId) {
    return entityManager
        .createQuery(
            "SELECT f FROM Facilitator f WHERE f.sessionId = :s ORDER BY f.memberId",
            Facilitator.class)
        .setParameter("s", session(sessionId).id())
        .getResultList();
  }

  /** Whether someone facilitates a session. */
  @Transactional
  public boolean facilitatedBy(UUID sessionId, UUID member) {
    return entityManager.find(Facilitator.class, new Facilitator.Key(sessionId, member)) != null;
  }

  /**
   * One session.
   *
   * @throws NotFound when the council has no such session
   */
  @Transactional
  public TrainingSession session(UUID sessionId) {
    TrainingSession session = entityManager.find(TrainingSession.class, sessionId);
    if (session == null) {
      throw new NotFound("This session");
    }
    return session;
  }

  private void requireAhead(TrainingSession.Place place) {
    if (!place.startsAt().isAfter(clock.instant())) {
      throw new Refused("startsAt", "a session starts in the future");
    }
    if (!place.endsAt().isAfter(place.startsAt())) {
      throw new Refused("endsAt", "a session ends after it starts");
    }
    if (place.venue() == null && place.onlineLink() == null) {
      throw new Refused("venue", "give the venue or the link to join online");
    }
  }

  private Set<UUID> everyoneOn(TrainingSession session) {
    Set<UUID> people = new LinkedHashSet<>();
    entityManager
        .createQuery(
            "SELECT b.memberId FROM Booking b WHERE b.sessionId = :s AND b.status IN :live",
            UUID.class)
        .setParameter("s", session.id())
        .setParameter(
            "live",
            List.of(
                Booking.Status.BOOKED.name(),
                Booking.Status.OFFERED.name(),
                Booking.Status.WAITING.name()))
        .getResultList()
        .forEach(people::add);
    facilitators(session.id()).forEach(f -> people.add(f.memberId()));
    return people;
  }
}
