package org.roundtable.plugins.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.plugins.training.domain.Audience;
import org.roundtable.plugins.training.domain.Course;

/** Courses: set up by organisers, read by everyone who may book. */
@ApplicationScoped
public class Courses {

  @Inject EntityManager entityManager;
  @Inject TrainingAccess access;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** What a course is. */
  public record Details(
      String title, Audience audience, String summary, List<String> outcomes, Duration length) {}

  /** A new course. */
  @Transactional
  public Course create(Details details) {
    UUID organiser = access.organiser();
    Course course =
        new Course(
            UUID.randomUUID(),
            details.title(),
            details.audience(),
            details.summary(),
            details.outcomes(),
            details.length(),
            organiser,
            clock.instant());
    entityManager.persist(course);
    audit.record("training.course-created", "course", course.id().toString(), details.title());
    return course;
  }

  /** The council's courses, by title. */
  @Transactional
  public List<Course> list() {
    return entityManager
        .createQuery("SELECT c FROM Course c ORDER BY c.title, c.id", Course.class)
        .getResultList();
  }

  /**
   * One course.
   *
   * @throws NotFound when the council has no such course
   */
  @Transactional
  public Course course(UUID id) {
    Course course = entityManager.find(Course.class, id);
    if (course == null) {
      throw new NotFound("This course");
    }
    return course;
  }
}
