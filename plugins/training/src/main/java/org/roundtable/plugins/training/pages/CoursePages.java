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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.time.UkTime;
import org.roundtable.api.web.FormFields;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.plugins.training.TrainingPlugin;
import org.roundtable.plugins.training.application.Courses;
import org.roundtable.plugins.training.application.Evaluations;
import org.roundtable.plugins.training.application.Materials;
import org.roundtable.plugins.training.application.Places;
import org.roundtable.plugins.training.application.Sessions;
import org.roundtable.plugins.training.application.TrainingAccess;
import org.roundtable.plugins.training.domain.Course;
import org.roundtable.plugins.training.domain.Material;
import org.roundtable.plugins.training.domain.TrainingSession;

/**
 * A course at {@code /{council}/training/course/{id}}: what it is and its sessions; for organisers,
 * forms to add a session and its facilitators; for organisers and anyone who has facilitated it,
 * the evaluation results across its sessions.
 */
@Controller
@RequestScoped
public class CoursePages {

  @Inject Courses courses;
  @Inject Sessions sessions;
  @Inject Places places;
  @Inject Evaluations evaluations;
  @Inject Materials materials;
  @Inject TrainingAccess access;
  @Inject TenantContext tenant;
  @Inject Models models;

  /** A session of the course, as its page lists it. */
  public record SessionRow(
      java.util.UUID id,
      java.time.Instant startsAt,
      java.time.Instant endsAt,
      String where,
      long placesLeft,
      boolean cancelled) {}

  /** A material as the course page lists it. */
  public record MaterialRow(
      java.util.UUID id, String title, String fileName, long kb, String easyReadOf) {}

  /** Adds a material, or an easy-read version of one. */
  @POST
  @Path("{id}/materials")
  @jakarta.ws.rs.Consumes(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA)
  @RequiresPermission(TrainingPlugin.MANAGE)
  public String addMaterial(
      @PathParam("id") String id,
      @jakarta.ws.rs.FormParam("materialTitle") String title,
      @jakarta.ws.rs.FormParam("easyReadOf") String easyReadOf,
      @jakarta.ws.rs.FormParam("material") jakarta.ws.rs.core.EntityPart file)
      throws java.io.IOException {
    String materialTitle = title == null ? "" : title.strip();
    Optional<org.roundtable.api.web.Upload> upload =
        org.roundtable.api.web.Upload.read(file, Materials.LARGEST);
    return FormSubmission.of(models::put)
        .keeping(Map.of("materialTitle", materialTitle))
        .field("file", "material")
        .field("title", "materialTitle")
        .otherwiseOn("material")
        .submit(
            errors -> {
              PageForms.required(
                  materialTitle, "materialTitle", "give the material a title", 300, errors);
              java.util.UUID summaryOf =
                  easyReadOf == null || easyReadOf.isBlank()
                      ? null
                      : PageForms.chosen(
                          easyReadOf, "easyReadOf", "choose a material of this course", errors);
              if (upload.isEmpty()) {
                errors.add("material", "choose the file");
              } else if (upload.get().tooLarge()) {
                errors.add("material", "the file is larger than 20 MB");
              }
              errors.refuseIfAny();
              materials.add(
                  PageForms.fromAddress(id, "This course"),
                  materialTitle,
                  summaryOf,
                  upload.get().fileName(),
                  upload.get().mediaType(),
                  upload.get().content());
              return Redirect.to(
                  tenant.current(), TrainingPlugin.ID + "/course/" + id, "Material added");
            },
            () -> course(id, null));
  }

  @GET
  @Path("{id}")
  @RequiresPermission(TrainingPlugin.BOOK)
  public String course(@PathParam("id") String id, @QueryParam("done") String done) {
    Course course = courses.course(PageForms.fromAddress(id, "This course"));
    models.put("course", course);
    models.put(
        "sessions",
        sessions.of(course.id()).stream()
            .map(
                s ->
                    new SessionRow(
                        s.id(),
                        s.startsAt(),
                        s.endsAt(),
                        s.venue() != null ? s.venue() : "Online",
                        places.of(s).left(),
                        s.cancelled()))
            .toList());
    java.util.List<Material> held = materials.of(course.id());
    java.util.Map<java.util.UUID, String> titles =
        held.stream().collect(java.util.stream.Collectors.toMap(Material::id, Material::title));
    models.put(
        "materials",
        held.stream()
            .map(
                m ->
                    new MaterialRow(
                        m.id(),
                        m.title(),
                        m.fileName(),
                        Math.max(1, m.sizeBytes() / 1024),
                        m.easyReadOf() == null ? null : titles.get(m.easyReadOf())))
            .toList());
    try {
      models.put("results", evaluations.ofCourse(course.id()));
    } catch (NotFound notTheirs) {
      models.put("results", null);
    }
    boolean organises = access.organises();
    models.put("canOrganise", organises);
    models.put("done", done);
    models.put("pluginPath", TrainingPlugin.ID);
    if (models.get("form") == null) {
      models.put("form", Map.of());
    }
    return "training/course.html";
  }

  /** Adds a session of the course. */
  @POST
  @Path("{id}/sessions")
  @RequiresPermission(TrainingPlugin.MANAGE)
  public String addSession(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String day = FormFields.text(form, "day");
    String from = FormFields.text(form, "from");
    String to = FormFields.text(form, "to");
    String venue = FormFields.text(form, "venue");
    String accessInfo = FormFields.text(form, "accessInfo");
    String link = FormFields.text(form, "onlineLink");
    String capacity = FormFields.text(form, "capacity");
    return FormSubmission.of(models::put)
        .keeping(
            Map.of(
                "day", day,
                "from", from,
                "to", to,
                "venue", venue,
                "accessInfo", accessInfo,
                "onlineLink", link,
                "capacity", capacity))
        .field("startsAt", "day")
        .field("endsAt", "to")
        .otherwiseOn("day")
        .submit(
            errors -> {
              Optional<LocalDate> on = FormFields.day(day);
              Optional<LocalTime> starts = FormFields.time(from);
              Optional<LocalTime> ends = FormFields.time(to);
              if (on.isEmpty()) {
                errors.add("day", "give the day, like 9/2/2027");
              }
              if (starts.isEmpty()) {
                errors.add("from", "give the start, like 10am or 10:00");
              }
              if (ends.isEmpty()) {
                errors.add("to", "give the end, like 1pm or 13:00");
              }
              if (venue.isEmpty() && link.isEmpty()) {
                errors.add("venue", "give the venue, or the link to join online");
              }
              if (venue.length() > 300 || accessInfo.length() > 1000 || link.length() > 500) {
                errors.add("venue", "keep the venue, access and link shorter");
              }
              var places = FormFields.wholeNumber(capacity);
              if (places.isEmpty() || places.get() < 1 || places.get() > 500) {
                errors.add("capacity", "give the number of places, 1 to 500");
              }
              errors.refuseIfAny();
              TrainingSession session =
                  sessions.schedule(
                      PageForms.fromAddress(id, "This course"),
                      new TrainingSession.Place(
                          UkTime.at(on.get(), starts.get()),
                          UkTime.at(on.get(), ends.get()),
                          venue.isEmpty() ? null : venue,
                          accessInfo.isEmpty() ? null : accessInfo,
                          link.isEmpty() ? null : link),
                      places.get());
              return Redirect.to(
                  tenant.current(),
                  TrainingPlugin.ID + "/session/" + session.id(),
                  "Session added: now add who facilitates it");
            },
            () -> course(id, null));
  }
}
