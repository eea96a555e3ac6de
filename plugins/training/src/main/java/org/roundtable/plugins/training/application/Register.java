package org.roundtable.plugins.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.participation.Participation;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.plugins.training.domain.Booking;
import org.roundtable.plugins.training.domain.Course;
import org.roundtable.plugins.training.domain.Facilitator;
import org.roundtable.plugins.training.domain.TrainingSession;

/**
 * The register on the day, taken by the session's facilitators (or an organiser). Once taken, the
 * session has run: each expert by experience who facilitated it has one participation record for
 * their part (the session's length with their preparation and debrief time), so payments makes one
 * claim for it, however often the register is taken again. On a members' course (chairing a
 * meeting, email, reading papers), each member who came has it on their record as an achievement: a
 * participation record no payments policy pays (the role is a learner's).
 */
@ApplicationScoped
public class Register {

  /** The activity type payments' rates name. */
  public static final String ACTIVITY = "training-session";

  /** The role payments' paid roles name. */
  public static final String ROLE = "expert-by-experience";

  /** A member's course they came to, on their record: an achievement, never paid. */
  public static final String ACHIEVEMENT = "training-course";

  /** The role of someone learning, which no payments policy pays. */
  public static final String LEARNER = "learner";

  @Inject EntityManager entityManager;
  @Inject TrainingAccess access;
  @Inject Sessions sessions;
  @Inject Courses courses;
  @Inject Bookings bookings;
  @Inject ParticipationRecords participation;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * Takes the register: who came, of everyone with a place.
   *
   * @param came for each booking with a place, whether they came
   * @throws Forbidden for someone who neither facilitates this session nor organises courses, and
   *     for an expert paid for it (a paid part always has two people behind it)
   * @throws Refused unless it names exactly the people with a place
   */
  @Transactional
  public TrainingSession take(UUID sessionId, Map<UUID, Boolean> came) {
    TrainingSession session = sessions.session(sessionId);
    List<Facilitator> facilitators = sessions.facilitators(session.id());
    UUID me = access.me();
    boolean facilitating =
        access.facilitates() && facilitators.stream().anyMatch(f -> f.memberId().equals(me));
    if (!facilitating && !access.organises()) {
      throw new Forbidden("The session's facilitators take its register");
    }
    if (facilitators.stream().anyMatch(f -> f.memberId().equals(me) && f.expert())) {
      throw new Forbidden(
          "Someone else takes the register of a session you are paid for: it says you were there");
    }
    if (session.startsAt().isAfter(clock.instant())) {
      throw new Refused("session", "the register is taken once the session has started");
    }
    List<Booking> placed =
        bookings.of(session.id()).stream()
            .filter(b -> b.status() == Booking.Status.BOOKED)
            .toList();
    if (placed.size() != came.size() || !placed.stream().allMatch(b -> came.containsKey(b.id()))) {
      throw new Refused("attendance", "say for everyone with a place whether they came");
    }
    placed.forEach(b -> b.attended(came.get(b.id())));
    session.registerTaken(clock.instant());
    Course course = courses.course(session.courseId());
    Duration length = Duration.between(session.startsAt(), session.endsAt());
    for (Facilitator facilitator : facilitators) {
      if (facilitator.expert()) {
        participation.record(
            new Participation(
                facilitator.memberId(),
                ACTIVITY,
                course.title() + " — " + facilitator.part().words().toLowerCase(),
                facilitator.reference(),
                session.startsAt(),
                length.plus(facilitator.preparation()).plus(facilitator.debrief()),
                ROLE,
                true));
      }
    }
    if (course.forMembers()) {
      for (Booking b : placed) {
        String reference = "training:" + session.id() + ":attended";
        if (Boolean.TRUE.equals(came.get(b.id()))) {
          participation.record(
              new Participation(
                  b.memberId(),
                  ACHIEVEMENT,
                  "Completed the course: " + course.title(),
                  reference,
                  session.startsAt(),
                  length,
                  LEARNER,
                  false));
        } else {
          participation.withdraw(b.memberId(), reference);
        }
      }
    }
    audit.record(
        "training.register-taken",
        "session",
        session.id().toString(),
        came.values().stream().filter(Boolean::booleanValue).count() + " came");
    return session;
  }
}
