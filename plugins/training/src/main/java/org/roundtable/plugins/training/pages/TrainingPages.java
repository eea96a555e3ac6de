package org.roundtable.plugins.training.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.web.FormFields;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.plugins.training.TrainingPlugin;
import org.roundtable.plugins.training.application.Bookings;
import org.roundtable.plugins.training.application.Courses;
import org.roundtable.plugins.training.application.Places;
import org.roundtable.plugins.training.application.TrainingAccess;
import org.roundtable.plugins.training.domain.Audience;
import org.roundtable.plugins.training.domain.Booking;
import org.roundtable.plugins.training.domain.Course;
import org.roundtable.plugins.training.domain.TrainingSession;

/**
 * Training at {@code /{council}/training/}, without JavaScript: the sessions coming up, each with
 * its places and a button to book (the code of conduct to accept at a member's first booking on a
 * members' course); one's own bookings, with an offered place to take and a place to give up;
 * courses, and for organisers a form to set one up.
 */
@Controller
@RequestScoped
public class TrainingPages {

  @Inject Courses courses;
  @Inject Bookings bookings;
  @Inject Places places;
  @Inject TrainingAccess access;
  @Inject TenantContext tenant;
  @Inject Models models;

  /** A session coming up, as the list shows it. */
  public record Upcoming(
      UUID id,
      UUID courseId,
      String course,
      String audience,
      boolean forMembers,
      Instant startsAt,
      Instant endsAt,
      String where,
      long placesLeft,
      String yours) {}

  /** One of one's own bookings. */
  public record Mine(
      UUID id,
      UUID sessionId,
      String course,
      Instant startsAt,
      String status,
      boolean offered,
      Instant offeredUntil,
      boolean live,
      boolean attended) {}

  @GET
  @RequiresPermission(TrainingPlugin.BOOK)
  public String list(@QueryParam("done") String done) {
    Map<UUID, Course> byId =
        courses.list().stream().collect(Collectors.toMap(Course::id, Function.identity()));
    List<Booking> own = bookings.mine();
    Map<UUID, Booking> mine =
        own.stream()
            .collect(Collectors.toMap(Booking::sessionId, Function.identity(), (a, b) -> a));
    models.put(
        "upcoming",
        bookings.upcoming().stream()
            .map(
                s -> {
                  Course c = byId.get(s.courseId());
                  Booking b = mine.get(s.id());
                  return new Upcoming(
                      s.id(),
                      c.id(),
                      c.title(),
                      c.audience().words(),
                      c.forMembers(),
                      s.startsAt(),
                      s.endsAt(),
                      s.venue() != null ? s.venue() : "Online",
                      places.of(s).left(),
                      b == null ? null : words(b.status()));
                })
            .toList());
    models.put(
        "mine",
        own.stream()
            .map(
                b -> {
                  TrainingSession s = sessionOf(b);
                  return new Mine(
                      b.id(),
                      b.sessionId(),
                      byId.get(s.courseId()).title(),
                      s.startsAt(),
                      words(b.status()),
                      b.status() == Booking.Status.OFFERED,
                      b.offeredUntil(),
                      b.status() != Booking.Status.CANCELLED
                          && b.status() != Booking.Status.EXPIRED
                          && s.registerTakenAt() == null,
                      Boolean.TRUE.equals(b.attended()));
                })
            .toList());
    models.put(
        "courses",
        byId.values().stream().sorted((a, b) -> a.title().compareTo(b.title())).toList());
    models.put("conductAccepted", bookings.conductAccepted());
    models.put("canOrganise", access.organises());
    models.put("audiences", Arrays.asList(Audience.values()));
    models.put("done", done);
    models.put("pluginPath", TrainingPlugin.ID);
    if (models.get("form") == null) {
      models.put("form", Map.of());
    }
    return "training/training.html";
  }

  /** Sets up a course. */
  @POST
  @RequiresPermission(TrainingPlugin.MANAGE)
  public String createCourse(MultivaluedMap<String, String> form) {
    String title = FormFields.text(form, "title");
    String audience = FormFields.text(form, "audience");
    String summary = FormFields.text(form, "summary");
    String outcomes = FormFields.text(form, "outcomes");
    String length = FormFields.text(form, "lengthMinutes");
    return FormSubmission.of(models::put)
        .keeping(
            Map.of(
                "title", title,
                "audience", audience,
                "summary", summary,
                "outcomes", outcomes,
                "lengthMinutes", length))
        .otherwiseOn("title")
        .submit(
            errors -> {
              PageForms.required(title, "title", "give the course a title", 300, errors);
              Audience who =
                  PageForms.chosen(
                      Audience.class, audience, "audience", "choose who it is for", errors);
              PageForms.required(summary, "summary", "say what the course is about", 4000, errors);
              List<String> lines =
                  outcomes.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
              if (lines.isEmpty()) {
                errors.add("outcomes", "list what people will learn, one a line");
              } else if (lines.size() > 12) {
                errors.add("outcomes", "list at most 12 learning outcomes");
              }
              var minutes = FormFields.wholeNumber(length);
              if (minutes.isEmpty() || minutes.get() < 15 || minutes.get() > 2880) {
                errors.add("lengthMinutes", "give its length in minutes, like 180");
              }
              errors.refuseIfAny();
              Course course =
                  courses.create(
                      new Courses.Details(
                          title, who, summary, lines, Duration.ofMinutes(minutes.get())));
              return Redirect.to(
                  tenant.current(),
                  TrainingPlugin.ID + "/course/" + course.id(),
                  "Course set up: add its sessions");
            },
            () -> list(null));
  }

  private TrainingSession sessionOf(Booking booking) {
    return bookings.sessionOf(booking);
  }

  static String words(Booking.Status status) {
    return switch (status) {
      case BOOKED -> "Booked";
      case WAITING -> "On the waiting list";
      case OFFERED -> "A place is offered to you";
      case CANCELLED -> "Cancelled";
      case EXPIRED -> "The offer ran out";
    };
  }
}
