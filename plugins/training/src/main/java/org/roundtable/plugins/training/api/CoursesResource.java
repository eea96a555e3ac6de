package org.roundtable.plugins.training.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.web.Download;
import org.roundtable.plugins.training.TrainingPlugin;
import org.roundtable.plugins.training.application.Courses;
import org.roundtable.plugins.training.application.Evaluations;
import org.roundtable.plugins.training.application.Materials;
import org.roundtable.plugins.training.application.Sessions;
import org.roundtable.plugins.training.domain.Audience;
import org.roundtable.plugins.training.domain.Course;
import org.roundtable.plugins.training.domain.Material;
import org.roundtable.plugins.training.domain.TrainingSession;

/**
 * {@code /api/v1/{council}/training/courses}: the council's courses and their sessions. Everyone
 * who may book reads them; course organisers set them up.
 */
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CoursesResource {

  @Inject Courses courses;
  @Inject Sessions sessions;
  @Inject SessionViews views;
  @Inject Evaluations evaluations;
  @Inject Materials materials;

  /** A new course. */
  public record CourseRequest(
      @NotBlank(message = "give the course a title") @Size(max = 300) String title,
      @NotNull(message = "choose who it is for: ASYE, ALL_STAFF or MEMBERS") Audience audience,
      @NotBlank(message = "say what the course is about") @Size(max = 4000) String summary,
      @NotEmpty(message = "list what people will learn")
          @Size(max = 12, message = "list at most 12 learning outcomes")
          List<@NotBlank @Size(max = 300) String> outcomes,
      @Min(value = 15, message = "a course lasts at least 15 minutes")
          @Max(value = 2880, message = "a course lasts at most two days (2880 minutes)")
          int lengthMinutes) {}

  /** A course as everyone reads it. */
  public record CourseView(
      UUID id,
      String title,
      Audience audience,
      String audienceWords,
      String summary,
      List<String> outcomes,
      long lengthMinutes) {

    static CourseView of(Course c) {
      return new CourseView(
          c.id(),
          c.title(),
          c.audience(),
          c.audience().words(),
          c.summary(),
          c.outcomes(),
          c.length().toMinutes());
    }
  }

  @GET
  @RequiresPermission(TrainingPlugin.BOOK)
  public List<CourseView> list() {
    return courses.list().stream().map(CourseView::of).toList();
  }

  @POST
  @RequiresPermission(TrainingPlugin.MANAGE)
  public Response create(
      @NotNull(message = "send the course as JSON") @Valid CourseRequest request) {
    Course course =
        courses.create(
            new Courses.Details(
                request.title().strip(),
                request.audience(),
                request.summary().strip(),
                request.outcomes().stream().map(String::strip).toList(),
                Duration.ofMinutes(request.lengthMinutes())));
    return Response.status(Response.Status.CREATED).entity(CourseView.of(course)).build();
  }

  @GET
  @Path("{course}")
  @RequiresPermission(TrainingPlugin.BOOK)
  public CourseView get(@PathParam("course") String course) {
    return CourseView.of(courses.course(Ids.of(course, "This course")));
  }

  @GET
  @Path("{course}/sessions")
  @RequiresPermission(TrainingPlugin.BOOK)
  public List<SessionViews.SessionView> sessions(@PathParam("course") String course) {
    return sessions.of(Ids.of(course, "This course")).stream().map(views::of).toList();
  }

  @GET
  @Path("{course}/evaluations")
  @RequiresPermission(TrainingPlugin.BOOK)
  public Evaluations.Results evaluations(@PathParam("course") String course) {
    return evaluations.ofCourse(Ids.of(course, "This course"));
  }

  /** A material of the course (its bytes at its own address). */
  public record MaterialView(
      UUID id, String title, UUID easyReadOf, String fileName, String contentType, long sizeBytes) {

    static MaterialView of(Material m) {
      return new MaterialView(
          m.id(), m.title(), m.easyReadOf(), m.fileName(), m.contentType(), m.sizeBytes());
    }
  }

  @GET
  @Path("{course}/materials")
  @RequiresPermission(TrainingPlugin.BOOK)
  public List<MaterialView> materials(@PathParam("course") String course) {
    return materials.of(Ids.of(course, "This course")).stream().map(MaterialView::of).toList();
  }

  /** Adds a material: its bytes are the body, what it is in the query. */
  @POST
  @Path("{course}/materials")
  @Consumes(MediaType.WILDCARD)
  @RequiresPermission(TrainingPlugin.MANAGE)
  public Response addMaterial(
      @PathParam("course") String course,
      @QueryParam("title") String title,
      @QueryParam("fileName") String fileName,
      @QueryParam("easyReadOf") String easyReadOf,
      @HeaderParam("Content-Type") String contentType,
      byte[] content) {
    if (title == null || title.isBlank() || title.length() > 300) {
      throw new Refused("title", "give the material a title of up to 300 characters");
    }
    String name =
        fileName == null || fileName.isBlank()
            ? "material"
            : fileName.strip().replaceAll("[^A-Za-z0-9._ -]", "_");
    Material material =
        materials.add(
            Ids.of(course, "This course"),
            title.strip(),
            easyReadOf == null || easyReadOf.isBlank() ? null : Ids.of(easyReadOf, "This material"),
            name.length() > 200 ? name.substring(0, 200) : name,
            contentType,
            content == null ? new byte[0] : content);
    return Response.status(Response.Status.CREATED).entity(MaterialView.of(material)).build();
  }

  /** The material itself, always as a download. */
  @GET
  @Path("{course}/materials/{material}")
  @Produces(MediaType.WILDCARD)
  @RequiresPermission(TrainingPlugin.BOOK)
  public Response material(
      @PathParam("course") String course, @PathParam("material") String material) {
    Material found =
        materials.material(Ids.of(course, "This course"), Ids.of(material, "This material"));
    return Download.attachment(found.content(), found.contentType(), found.fileName());
  }

  @POST
  @Path("{course}/sessions")
  @RequiresPermission(TrainingPlugin.MANAGE)
  public Response schedule(
      @PathParam("course") String course,
      @NotNull(message = "send the session as JSON") @Valid SessionViews.SessionRequest request) {
    TrainingSession session =
        sessions.schedule(Ids.of(course, "This course"), request.place(), request.capacity());
    return Response.status(Response.Status.CREATED).entity(views.of(session)).build();
  }
}
