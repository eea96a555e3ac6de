package org.roundtable.plugins.training.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.platform.Members;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.web.FormErrors;
import org.roundtable.api.web.FormFields;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.plugins.training.TrainingPlugin;
import org.roundtable.plugins.training.application.Bookings;
import org.roundtable.plugins.training.application.Courses;
import org.roundtable.plugins.training.application.Cpd;
import org.roundtable.plugins.training.application.Evaluations;
import org.roundtable.plugins.training.application.Register;
import org.roundtable.plugins.training.application.Sessions;
import org.roundtable.plugins.training.application.TrainingAccess;
import org.roundtable.plugins.training.domain.Booking;
import org.roundtable.plugins.training.domain.Course;
import org.roundtable.plugins.training.domain.Facilitator;
import org.roundtable.plugins.training.domain.TrainingSession;

/**
 * A session at {@code /{council}/training/session/{id}}, without JavaScript: when, where, how to
 * get in and who facilitates; for someone who came, the evaluation, their reflection and the
 * certificate; for its facilitators and organisers, who is booked (with the access needs each chose
 * to share), the register and the evaluation results; for organisers, the facilitators.
 */
@Controller
@RequestScoped
public class SessionPages {

  @Inject Sessions sessions;
  @Inject Courses courses;
  @Inject Bookings bookings;
  @Inject Register register;
  @Inject Evaluations evaluations;
  @Inject Cpd cpd;
  @Inject org.roundtable.plugins.training.application.Debriefs debriefs;
  @Inject Members members;
  @Inject TrainingAccess access;
  @Inject TenantContext tenant;
  @Inject Clock clock;
  @Inject Models models;

  /** A facilitator as the page lists them. */
  public record FacilitatorRow(String name, String part, boolean expert) {}

  /** An expert's debrief, for them and organisers. */
  public record DebriefRow(String name, String howItWent, String whatToChange) {}

  /** Someone with a place or waiting, for the facilitators. */
  public record BookedRow(
      UUID id, String name, String status, boolean placed, Boolean attended, String needs) {}

  @GET
  @Path("{id}")
  @RequiresPermission(TrainingPlugin.BOOK)
  public String session(@PathParam("id") String id, @QueryParam("done") String done) {
    TrainingSession session = sessions.session(PageForms.fromAddress(id, "This session"));
    Course course = courses.course(session.courseId());
    List<Facilitator> facilitators = sessions.facilitators(session.id());
    Map<UUID, Members.Summary> names =
        members.findAll(facilitators.stream().map(Facilitator::memberId).toList());
    UUID me = bookings.me();
    boolean facilitating = facilitators.stream().anyMatch(f -> f.memberId().equals(me));
    boolean organises = access.organises();
    models.put("session", session);
    models.put("course", course);
    models.put(
        "facilitators",
        facilitators.stream()
            .map(
                f ->
                    new FacilitatorRow(
                        names.containsKey(f.memberId())
                            ? names.get(f.memberId()).name()
                            : "Someone who has left",
                        f.part().words(),
                        f.expert()))
            .toList());
    Optional<Booking> mine = bookings.mineOn(session.id());
    boolean came = mine.map(b -> Boolean.TRUE.equals(b.attended())).orElse(false);
    models.put("mine", mine.orElse(null));
    models.put("mineWords", mine.map(b -> TrainingPages.words(b.status())).orElse(null));
    models.put("conductAccepted", bookings.conductAccepted());
    models.put(
        "canBook",
        !session.cancelled()
            && session.startsAt().isAfter(clock.instant())
            && mine.map(
                    b ->
                        b.status() == Booking.Status.CANCELLED
                            || b.status() == Booking.Status.EXPIRED)
                .orElse(true));
    models.put("came", came);
    models.put(
        "toEvaluate",
        came && evaluations.toFillIn().stream().anyMatch(s -> s.id().equals(session.id())));
    models.put("outcomes", course.outcomes());
    models.put("scale", List.of(1, 2, 3, 4, 5));
    models.put("whens", List.of("before", "after"));
    models.put("canManage", organises);
    boolean seesBookings = organises || (facilitating && access.facilitates());
    models.put("seesBookings", seesBookings);
    models.put("started", !session.startsAt().isAfter(clock.instant()));
    if (seesBookings) {
      List<Booking> all = bookings.of(session.id());
      Map<UUID, Members.Summary> people =
          members.findAll(all.stream().map(Booking::memberId).toList());
      models.put(
          "booked",
          all.stream()
              .filter(
                  b ->
                      b.status() != Booking.Status.CANCELLED
                          && b.status() != Booking.Status.EXPIRED)
              .map(
                  b ->
                      new BookedRow(
                          b.id(),
                          people.containsKey(b.memberId())
                              ? people.get(b.memberId()).name()
                              : "Someone who has left",
                          TrainingPages.words(b.status()),
                          b.status() == Booking.Status.BOOKED,
                          b.attended(),
                          members
                              .accessNeeds(b.memberId())
                              .map(
                                  n -> {
                                    List<String> words = new ArrayList<>(n.needs());
                                    if (n.notes() != null && !n.notes().isBlank()) {
                                      words.add(n.notes());
                                    }
                                    return words.isEmpty() ? "None" : String.join("; ", words);
                                  })
                              .orElse("Not shared")))
              .toList());
    }
    if (organises || facilitating) {
      try {
        models.put("results", evaluations.ofSession(session.id()));
      } catch (NotFound notTheirs) {
        models.put("results", null);
      }
    } else {
      models.put("results", null);
    }
    boolean booksForOthers = access.booksForOthers();
    models.put(
        "canBookForOthers",
        booksForOthers && !session.cancelled() && session.startsAt().isAfter(clock.instant()));
    if (organises || booksForOthers) {
      models.put("people", members.list(0, 500));
      models.put("parts", Arrays.asList(Facilitator.Part.values()));
    }
    boolean expertHere = facilitators.stream().anyMatch(f -> f.memberId().equals(me) && f.expert());
    models.put("expertHere", expertHere && session.registerTakenAt() != null);
    List<DebriefRow> debriefRows = new ArrayList<>();
    for (Facilitator f : facilitators) {
      if (f.expert() && (organises || f.memberId().equals(me))) {
        try {
          var d = debriefs.read(session.id(), f.memberId());
          debriefRows.add(
              new DebriefRow(
                  names.containsKey(f.memberId()) ? names.get(f.memberId()).name() : "",
                  d.howItWent(),
                  d.whatToChange()));
        } catch (NotFound notYet) {
          // not written yet
        }
      }
    }
    models.put("debriefs", debriefRows);
    models.put("done", done);
    models.put("pluginPath", TrainingPlugin.ID);
    if (models.get("form") == null) {
      models.put("form", Map.of());
    }
    return "training/session.html";
  }

  /** Books the caller on the session, or its waiting list. */
  @POST
  @Path("{id}/book")
  @RequiresPermission(TrainingPlugin.BOOK)
  public String book(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    boolean conduct = "yes".equals(FormFields.text(form, "conductAccepted"));
    return FormSubmission.of(models::put)
        .keeping(Map.of())
        .field("session", "book")
        .field("conductAccepted", "conductAccepted")
        .otherwiseOn("book")
        .submit(
            errors -> {
              Booking booking =
                  bookings.book(PageForms.fromAddress(id, "This session"), bookings.me(), conduct);
              return Redirect.to(
                  tenant.current(),
                  TrainingPlugin.ID + "/",
                  booking.status() == Booking.Status.BOOKED
                      ? "You are booked: the invitation is in your email"
                      : "The session is full: you are on the waiting list");
            },
            () -> session(id, null));
  }

  /** Books someone else on the session (an officer for a member, a manager for their staff). */
  @POST
  @Path("{id}/book-for")
  @RequiresPermission(TrainingPlugin.BOOK_FOR_OTHERS)
  public String bookFor(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String member = FormFields.text(form, "personId");
    boolean conduct = "yes".equals(FormFields.text(form, "personConduct"));
    return FormSubmission.of(models::put)
        .keeping(Map.of("personId", member))
        .field("conductAccepted", "personConduct")
        .field("session", "personId")
        .otherwiseOn("personId")
        .submit(
            errors -> {
              UUID who = PageForms.chosen(member, "personId", "choose who to book", errors);
              errors.refuseIfAny();
              Booking booking =
                  bookings.book(PageForms.fromAddress(id, "This session"), who, conduct);
              return back(
                  id,
                  booking.status() == Booking.Status.BOOKED
                      ? "Booked: they have the invitation by email"
                      : "The session is full: they are on the waiting list");
            },
            () -> session(id, null));
  }

  /** The expert's own debrief after the session: how it went for them, what to change. */
  @POST
  @Path("{id}/debrief")
  @RequiresPermission(TrainingPlugin.BOOK)
  public String debrief(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String went = FormFields.text(form, "howItWent");
    String change = FormFields.text(form, "whatToChange");
    return FormSubmission.of(models::put)
        .keeping(Map.of("howItWent", went, "whatToChange", change))
        .otherwiseOn("howItWent")
        .submit(
            errors -> {
              PageForms.required(went, "howItWent", "say how it went for you", 4000, errors);
              if (change.length() > 4000) {
                errors.add("whatToChange", "keep it to 4000 characters");
              }
              errors.refuseIfAny();
              debriefs.write(
                  PageForms.fromAddress(id, "This session"),
                  bookings.me(),
                  went,
                  change.isEmpty() ? null : change);
              return back(id, "Debrief saved");
            },
            () -> session(id, null));
  }

  /** The register: a box for each person with a place, ticked if they came. */
  @POST
  @Path("{id}/register")
  @RequiresPermission(TrainingPlugin.BOOK)
  public String takeRegister(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    List<String> came = Optional.ofNullable(form.get("came")).orElse(List.of());
    return FormSubmission.of(models::put)
        .keeping(Map.of())
        .field("attendance", "register")
        .field("session", "register")
        .otherwiseOn("register")
        .submit(
            errors -> {
              UUID session = PageForms.fromAddress(id, "This session");
              Map<UUID, Boolean> attendance = new HashMap<>();
              for (Booking b : bookings.of(session)) {
                if (b.status() == Booking.Status.BOOKED) {
                  attendance.put(b.id(), came.contains(b.id().toString()));
                }
              }
              register.take(session, attendance);
              return back(id, "Register taken");
            },
            () -> session(id, null));
  }

  /** An attendee's evaluation: confidence before and after for each outcome, and a few words. */
  @POST
  @Path("{id}/evaluation")
  @RequiresPermission(TrainingPlugin.BOOK)
  public String evaluate(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String differently = FormFields.text(form, "doingDifferently");
    String contribution = FormFields.text(form, "expertContribution");
    Map<String, String> kept = new HashMap<>();
    form.keySet().stream()
        .filter(k -> k.startsWith("before-") || k.startsWith("after-"))
        .forEach(k -> kept.put(k, FormFields.text(form, k)));
    kept.put("doingDifferently", differently);
    kept.put("expertContribution", contribution);
    return FormSubmission.of(models::put)
        .keeping(kept)
        .otherwiseOn("doingDifferently")
        .submit(
            errors -> {
              UUID session = PageForms.fromAddress(id, "This session");
              int outcomes = courses.course(sessions.session(session).courseId()).outcomes().size();
              List<Evaluations.Confidence> ratings = new ArrayList<>();
              for (int i = 0; i < outcomes; i++) {
                int before = rating(form, "before-" + i, errors);
                int after = rating(form, "after-" + i, errors);
                ratings.add(new Evaluations.Confidence(i, before, after));
              }
              if (differently.length() > 2000 || contribution.length() > 2000) {
                errors.add("doingDifferently", "keep each answer to 2,000 characters");
              }
              errors.refuseIfAny();
              evaluations.submit(session, ratings, differently, contribution);
              return back(id, "Thank you: your evaluation is in, without your name");
            },
            () -> session(id, null));
  }

  /** The caller's reflection, for their CPD record. */
  @POST
  @Path("{id}/reflection")
  @RequiresPermission(TrainingPlugin.BOOK)
  public String reflect(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String text = FormFields.text(form, "reflection");
    boolean peer = "yes".equals(FormFields.text(form, "peerReflection"));
    return FormSubmission.of(models::put)
        .keeping(Map.of("reflection", text))
        .otherwiseOn("reflection")
        .submit(
            errors -> {
              PageForms.required(text, "reflection", "write your reflection", 4000, errors);
              errors.refuseIfAny();
              cpd.reflect(PageForms.fromAddress(id, "This session"), text, peer);
              return back(id, "Reflection saved in your CPD record");
            },
            () -> session(id, null));
  }

  /** Adds who facilitates the session: their part, and the time it takes them. */
  @POST
  @Path("{id}/facilitators")
  @RequiresPermission(TrainingPlugin.MANAGE)
  public String addFacilitator(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String member = FormFields.text(form, "memberId");
    String part = FormFields.text(form, "part");
    boolean expert = "yes".equals(FormFields.text(form, "expert"));
    String preparation = FormFields.text(form, "preparationMinutes");
    String debrief = FormFields.text(form, "debriefMinutes");
    return FormSubmission.of(models::put)
        .keeping(
            Map.of(
                "memberId", member,
                "part", part,
                "preparationMinutes", preparation,
                "debriefMinutes", debrief))
        .otherwiseOn("memberId")
        .submit(
            errors -> {
              UUID who = PageForms.chosen(member, "memberId", "choose who facilitates", errors);
              Facilitator.Part role =
                  PageForms.chosen(
                      Facilitator.Part.class, part, "part", "choose their part", errors);
              int prep = minutes(preparation, "preparationMinutes", 960, errors);
              int after = minutes(debrief, "debriefMinutes", 240, errors);
              errors.refuseIfAny();
              sessions.facilitate(
                  PageForms.fromAddress(id, "This session"),
                  who,
                  role,
                  expert,
                  Duration.ofMinutes(prep),
                  Duration.ofMinutes(after));
              return back(id, "Facilitator added: they have their invitation");
            },
            () -> session(id, null));
  }

  private String back(String id, String done) {
    return Redirect.to(tenant.current(), TrainingPlugin.ID + "/session/" + id, done);
  }

  private static int rating(MultivaluedMap<String, String> form, String field, FormErrors errors) {
    var value = FormFields.wholeNumber(FormFields.text(form, field));
    if (value.isEmpty() || value.get() < 1 || value.get() > 5) {
      errors.add(field, "choose from 1 (not confident) to 5 (very confident)");
      return 1;
    }
    return value.get();
  }

  private static int minutes(String typed, String field, int most, FormErrors errors) {
    if (typed.isBlank()) {
      return 0;
    }
    var number = FormFields.wholeNumber(typed);
    if (number.isEmpty() || number.get() < 0 || number.get() > most) {
      errors.add(field, "give the minutes, 0 to " + most);
      return 0;
    }
    return number.get();
  }
}
