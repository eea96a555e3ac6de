package org.roundtable.plugins.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.plugins.training.domain.Booking;
import org.roundtable.plugins.training.domain.Course;
import org.roundtable.plugins.training.domain.CpdEntry;
import org.roundtable.plugins.training.domain.Evaluated;
import org.roundtable.plugins.training.domain.Evaluation;
import org.roundtable.plugins.training.domain.Rating;
import org.roundtable.plugins.training.domain.TrainingSession;

/**
 * Evaluations: each attendee's, once, anonymous in every report; the results per session and per
 * course for the session's facilitators (experts by experience included) and organisers.
 */
@ApplicationScoped
public class Evaluations {

  @Inject EntityManager entityManager;
  @Inject TrainingAccess access;
  @Inject Sessions sessions;
  @Inject Courses courses;
  @Inject Clock clock;

  /** Confidence in one learning outcome before and after, 1 (not at all) to 5 (very). */
  public record Confidence(int outcome, int before, int after) {}

  /** One learning outcome's results: how many answered, the average before and after. */
  public record OutcomeResult(String outcome, int answers, double before, double after) {}

  /** A session's or a course's results: figures per outcome and the words people wrote. */
  public record Results(
      String title,
      int evaluations,
      List<OutcomeResult> outcomes,
      List<String> doingDifferently,
      List<String> expertContribution) {}

  /**
   * An attendee's evaluation of a session they came to, once. What the expert's contribution meant
   * to them is kept in their own CPD record too.
   *
   * @throws NotFound for a session they did not come to
   * @throws Conflict for a second evaluation
   * @throws Refused unless every learning outcome is rated 1 to 5, before and after
   */
  @Transactional
  public Evaluation submit(
      UUID sessionId, List<Confidence> ratings, String doingDifferently, String contribution) {
    UUID me = access.me();
    TrainingSession session = attended(sessionId, me);
    Course course = courses.course(session.courseId());
    if (entityManager.find(Evaluated.class, new Evaluated.Key(session.id(), me)) != null) {
      throw new Conflict("You have evaluated this session already: thank you");
    }
    int outcomes = course.outcomes().size();
    Set<Integer> rated = new HashSet<>();
    for (Confidence c : ratings) {
      if (c.outcome() < 0 || c.outcome() >= outcomes || !rated.add(c.outcome())) {
        throw new Refused("ratings", "rate each learning outcome once");
      }
      if (c.before() < 1 || c.before() > 5 || c.after() < 1 || c.after() > 5) {
        throw new Refused(
            "ratings-" + c.outcome(), "choose from 1 (not confident) to 5 (very confident)");
      }
    }
    if (rated.size() != outcomes) {
      throw new Refused("ratings", "rate your confidence in every learning outcome");
    }
    Evaluation evaluation =
        new Evaluation(
            UUID.randomUUID(),
            session.id(),
            blankToNull(doingDifferently),
            blankToNull(contribution));
    entityManager.persist(evaluation);
    entityManager.flush();
    ratings.forEach(
        c ->
            entityManager.persist(new Rating(evaluation.id(), c.outcome(), c.before(), c.after())));
    entityManager.persist(new Evaluated(session.id(), me));
    if (blankToNull(contribution) != null) {
      cpd(session.id(), me).heard(contribution.strip(), clock.instant());
    }
    return evaluation;
  }

  /** The sessions the caller came to and has not evaluated, soonest first. */
  @Transactional
  public List<TrainingSession> toFillIn() {
    return entityManager
        .createQuery(
            "SELECT s FROM TrainingSession s, Booking b WHERE b.sessionId = s.id"
                + " AND b.memberId = :me AND b.attended = TRUE AND NOT EXISTS"
                + " (SELECT e FROM Evaluated e WHERE e.sessionId = s.id AND e.memberId = :me)"
                + " ORDER BY s.startsAt, s.id",
            TrainingSession.class)
        .setParameter("me", access.me())
        .getResultList();
  }

  /**
   * A session's results, for its facilitators and organisers.
   *
   * @throws NotFound for anyone else
   */
  @Transactional
  public Results ofSession(UUID sessionId) {
    TrainingSession session = sessions.session(sessionId);
    if (!access.organises() && !sessions.facilitatedBy(session.id(), access.me())) {
      throw new NotFound("This session's evaluations");
    }
    Course course = courses.course(session.courseId());
    return results(course.title(), course, List.of(session.id()));
  }

  /**
   * A course's results across its sessions, for organisers and anyone who has facilitated it.
   *
   * @throws NotFound for anyone else
   */
  @Transactional
  public Results ofCourse(UUID courseId) {
    Course course = courses.course(courseId);
    List<UUID> all = sessions.of(course.id()).stream().map(TrainingSession::id).toList();
    UUID me = access.me();
    if (!access.organises() && all.stream().noneMatch(s -> sessions.facilitatedBy(s, me))) {
      throw new NotFound("This course's evaluations");
    }
    return results(course.title(), course, all);
  }

  private Results results(String title, Course course, List<UUID> sessionIds) {
    if (sessionIds.isEmpty()) {
      return new Results(title, 0, List.of(), List.of(), List.of());
    }
    List<Evaluation> evaluations =
        entityManager
            .createQuery(
                "SELECT e FROM Evaluation e WHERE e.sessionId IN :s ORDER BY e.id",
                Evaluation.class)
            .setParameter("s", sessionIds)
            .getResultList();
    List<Object[]> averages =
        entityManager
            .createQuery(
                "SELECT r.outcome, COUNT(r), AVG(r.confidenceBefore), AVG(r.confidenceAfter) FROM Rating r, Evaluation e"
                    + " WHERE r.evaluationId = e.id AND e.sessionId IN :s"
                    + " GROUP BY r.outcome ORDER BY r.outcome",
                Object[].class)
            .setParameter("s", sessionIds)
            .getResultList();
    List<String> outcomes = course.outcomes();
    List<OutcomeResult> rows = new ArrayList<>();
    for (Object[] row : averages) {
      int outcome = ((Number) row[0]).intValue();
      rows.add(
          new OutcomeResult(
              outcome < outcomes.size() ? outcomes.get(outcome) : "Outcome " + (outcome + 1),
              ((Number) row[1]).intValue(),
              round(((Number) row[2]).doubleValue()),
              round(((Number) row[3]).doubleValue())));
    }
    return new Results(
        title,
        evaluations.size(),
        rows,
        evaluations.stream().map(Evaluation::doingDifferently).filter(t -> t != null).toList(),
        evaluations.stream().map(Evaluation::expertContribution).filter(t -> t != null).toList());
  }

  /** A session the person came to. */
  TrainingSession attended(UUID sessionId, UUID member) {
    TrainingSession session = sessions.session(sessionId);
    boolean came =
        !entityManager
            .createQuery(
                "SELECT b FROM Booking b WHERE b.sessionId = :s AND b.memberId = :m"
                    + " AND b.status = :booked AND b.attended = TRUE",
                Booking.class)
            .setParameter("s", session.id())
            .setParameter("m", member)
            .setParameter("booked", Booking.Status.BOOKED.name())
            .getResultList()
            .isEmpty();
    if (!came) {
      throw new NotFound("A session you came to");
    }
    return session;
  }

  /** The person's CPD entry for a session, made when first needed. */
  CpdEntry cpd(UUID sessionId, UUID member) {
    CpdEntry entry = entityManager.find(CpdEntry.class, new CpdEntry.Key(sessionId, member));
    if (entry == null) {
      entry = new CpdEntry(sessionId, member, clock.instant());
      entityManager.persist(entry);
    }
    return entry;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
