package org.roundtable.plugins.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.platform.Members;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.training.domain.Audience;
import org.roundtable.plugins.training.domain.Booking;
import org.roundtable.plugins.training.domain.Course;
import org.roundtable.plugins.training.domain.CpdEntry;
import org.roundtable.plugins.training.domain.TrainingSession;

/**
 * Continuing professional development: each person's record of the sessions they came to (hours,
 * learning outcomes, their reflection, what people who draw on care and support gave them),
 * exported for a year; and the cohort view an ASYE lead keeps of which sessions each newly
 * qualified social worker has attended.
 */
@ApplicationScoped
public class Cpd {

  @Inject EntityManager entityManager;
  @Inject TrainingAccess access;
  @Inject Evaluations evaluations;
  @Inject Courses courses;
  @Inject Members members;
  @Inject Clock clock;

  /** A line of someone's CPD record. */
  public record Line(
      UUID sessionId,
      LocalDate day,
      String course,
      Duration hours,
      List<String> outcomes,
      String reflection,
      String livedExperienceFeedback,
      boolean peerReflection) {}

  /** A newly qualified social worker in the cohort, and what they have attended. */
  public record CohortRow(UUID memberId, String name, List<String> attended) {}

  /**
   * The caller's reflection on a session they came to.
   *
   * @throws org.roundtable.api.errors.NotFound for a session they did not come to
   */
  @Transactional
  public CpdEntry reflect(UUID sessionId, String reflection, boolean withAPeer) {
    UUID me = access.me();
    TrainingSession session = evaluations.attended(sessionId, me);
    CpdEntry entry = evaluations.cpd(session.id(), me);
    entry.reflect(reflection, withAPeer, clock.instant());
    return entry;
  }

  /** The caller's record from one day to another, by date. */
  @Transactional
  public List<Line> record(LocalDate from, LocalDate to) {
    UUID me = access.me();
    List<Object[]> rows =
        entityManager
            .createQuery(
                "SELECT s, c FROM Booking b, TrainingSession s, Course c WHERE b.sessionId = s.id"
                    + " AND s.courseId = c.id AND b.memberId = :me AND b.attended = TRUE"
                    + " AND s.startsAt >= :from AND s.startsAt < :to ORDER BY s.startsAt, s.id",
                Object[].class)
            .setParameter("me", me)
            .setParameter("from", UkTime.at(from, java.time.LocalTime.MIDNIGHT))
            .setParameter("to", UkTime.at(to.plusDays(1), java.time.LocalTime.MIDNIGHT))
            .getResultList();
    List<Line> lines = new ArrayList<>();
    for (Object[] row : rows) {
      TrainingSession s = (TrainingSession) row[0];
      Course c = (Course) row[1];
      CpdEntry entry = entityManager.find(CpdEntry.class, new CpdEntry.Key(s.id(), me));
      lines.add(
          new Line(
              s.id(),
              UkTime.local(s.startsAt()).toLocalDate(),
              c.title(),
              Duration.between(s.startsAt(), s.endsAt()),
              c.outcomes(),
              entry == null ? null : entry.reflection(),
              entry == null ? null : entry.livedExperienceFeedback(),
              entry != null && entry.peerReflection()));
    }
    return lines;
  }

  /**
   * The registration year a day falls in, named by the year it ends: Social Work England's runs
   * from 1 December to 30 November.
   */
  public static int registrationYear(LocalDate day) {
    return day.getMonthValue() == 12 ? day.getYear() + 1 : day.getYear();
  }

  /** The first day of a registration year. */
  public static LocalDate yearFrom(int year) {
    return LocalDate.of(year - 1, 12, 1);
  }

  /** The last day of a registration year. */
  public static LocalDate yearTo(int year) {
    return LocalDate.of(year, 11, 30);
  }

  /** The caller's record for the registration year today falls in, as CSV. */
  @Transactional
  public String thisYearsCsv() {
    int year = registrationYear(UkTime.today(clock));
    return csv(record(yearFrom(year), yearTo(year)));
  }

  /** The record as CSV (Commons CSV), one line a session, for a renewal or a supervisor. */
  public static String csv(List<Line> lines) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(
                "Date",
                "Activity",
                "Hours",
                "Learning outcomes",
                "My reflection",
                "Reflected with a peer",
                "What people who draw on care and support gave me")
            .get()
            .print(out)) {
      for (Line line : lines) {
        csv.printRecord(
            line.day(),
            line.course(),
            String.format(java.util.Locale.UK, "%.2f", line.hours().toMinutes() / 60.0),
            String.join("; ", line.outcomes()),
            line.reflection() == null ? "" : line.reflection(),
            line.peerReflection() ? "Yes" : "No",
            line.livedExperienceFeedback() == null ? "" : line.livedExperienceFeedback());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * The ASYE cohort: everyone booked on a course for newly qualified social workers, with the
   * sessions they attended. For course organisers.
   *
   * @throws Forbidden for anyone else
   */
  @Transactional
  public List<CohortRow> cohort() {
    if (!access.organises()) {
      throw new Forbidden("The cohort view is for course organisers");
    }
    List<Object[]> rows =
        entityManager
            .createQuery(
                "SELECT b, s, c FROM Booking b, TrainingSession s, Course c WHERE b.sessionId = s.id"
                    + " AND s.courseId = c.id AND c.audience = :asye AND b.status = :booked"
                    + " ORDER BY s.startsAt, s.id",
                Object[].class)
            .setParameter("asye", Audience.ASYE.name())
            .setParameter("booked", Booking.Status.BOOKED.name())
            .getResultList();
    Map<UUID, List<String>> attended = new LinkedHashMap<>();
    for (Object[] row : rows) {
      Booking b = (Booking) row[0];
      TrainingSession s = (TrainingSession) row[1];
      Course c = (Course) row[2];
      List<String> theirs = attended.computeIfAbsent(b.memberId(), m -> new ArrayList<>());
      if (Boolean.TRUE.equals(b.attended())) {
        theirs.add(c.title() + " (" + UkTime.local(s.startsAt()).toLocalDate() + ")");
      }
    }
    Map<UUID, Members.Summary> names = members.findAll(attended.keySet());
    return attended.entrySet().stream()
        .map(
            e ->
                new CohortRow(
                    e.getKey(),
                    names.containsKey(e.getKey())
                        ? names.get(e.getKey()).name()
                        : "Someone who has left",
                    e.getValue()))
        .sorted(java.util.Comparator.comparing(CohortRow::name))
        .toList();
  }
}
