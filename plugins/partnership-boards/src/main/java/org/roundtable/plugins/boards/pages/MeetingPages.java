package org.roundtable.plugins.boards.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.platform.Members;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.time.UkTime;
import org.roundtable.api.web.Download;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.api.web.Upload;
import org.roundtable.plugins.boards.BoardsPlugin;
import org.roundtable.plugins.boards.api.BoardsResource;
import org.roundtable.plugins.boards.application.Agendas;
import org.roundtable.plugins.boards.application.Boards;
import org.roundtable.plugins.boards.application.Meetings;
import org.roundtable.plugins.boards.application.Minutes;
import org.roundtable.plugins.boards.application.Papers;
import org.roundtable.plugins.boards.domain.Attendance;
import org.roundtable.plugins.boards.domain.Board;
import org.roundtable.plugins.boards.domain.BoardMembership;
import org.roundtable.plugins.boards.domain.Meeting;
import org.roundtable.plugins.boards.domain.Paper;

/**
 * {@code /{tenant}/boards/meetings/{id}}: a meeting's time and place (and a calendar file), its
 * agenda, papers (easy read versions beside the originals), minutes and the board's open actions.
 * Members propose agenda items; the chair or officer records attendance, writes and approves the
 * minutes and raises actions.
 */
@RequestScoped
public class MeetingPages {

  @Inject Boards boards;

  @Inject Meetings meetings;

  @Inject Agendas agendas;

  @Inject Minutes meetingMinutes;

  @Inject Papers meetingPapers;
  @Inject Members members;
  @Inject CurrentMember currentMember;
  @Inject Models models;
  @Inject TenantContext tenant;

  /** A board member's line in the attendance form. */
  public record Attendee(String id, String name, String status) {}

  /** A paper, with the title of the paper it is an easy read version of. */
  public record PaperRow(UUID id, String title, String easyReadOf, String fileName, long kb) {}

  static final List<String> STATUSES = List.of("PRESENT", "REMOTE", "APOLOGIES", "ABSENT");

  static final Map<String, String> STATUS_NAMES =
      Map.of(
          "PRESENT", "Present",
          "REMOTE", "Joined online",
          "APOLOGIES", "Sent apologies",
          "ABSENT", "Absent");

  @GET
  @Path("{id}")
  @RequiresPermission(BoardsPlugin.READ)
  @Controller
  public String meeting(@PathParam("id") String id, @QueryParam("done") String done) {
    Meeting meeting = meetings.meeting(BoardsResource.uuid(id));
    Board board = boards.board(meeting.boardId());
    models.put("meeting", meeting);
    models.put("board", board);
    models.put("when", PageForms.when(meeting.startsAt()));
    models.put("agenda", agendas.agenda(meeting.id()));
    List<Object[]> papers = meetingPapers.papers(meeting.id());
    Map<UUID, String> titles =
        papers.stream().collect(Collectors.toMap(p -> (UUID) p[0], p -> (String) p[1]));
    models.put(
        "papers",
        papers.stream()
            .map(
                p ->
                    new PaperRow(
                        (UUID) p[0],
                        (String) p[1],
                        p[2] == null
                            ? null
                            : titles.getOrDefault(parse((String) p[2]), "another paper"),
                        (String) p[3],
                        Math.max(1, ((Number) p[5]).longValue() / 1024)))
            .toList());
    models.put("actions", meetingMinutes.openActions(board.id()));
    models.put("quorum", meetings.quorum(meeting.id()));
    models.put("canManage", boards.canManage());
    models.put("canPropose", currentMember.hasPermission(BoardsPlugin.PROPOSE));
    if (boards.canManage()) {
      Map<UUID, String> status =
          meetings.attendance(meeting.id()).stream()
              .collect(Collectors.toMap(Attendance::memberId, a -> a.status().name()));
      LocalDate day = meeting.startsAt().atZone(UkTime.ZONE).toLocalDate();
      List<BoardMembership> seats =
          boards.memberships(board.id()).stream().filter(s -> s.isCurrent(day)).toList();
      Map<UUID, Members.Summary> people =
          members.findAll(seats.stream().map(BoardMembership::memberId).toList());
      models.put(
          "attendees",
          seats.stream()
              .map(
                  s ->
                      new Attendee(
                          s.memberId().toString(),
                          Optional.ofNullable(people.get(s.memberId()))
                              .map(Members.Summary::name)
                              .orElse("Someone who has left"),
                          status.getOrDefault(s.memberId(), "")))
              .toList());
    }
    models.put("statuses", STATUSES);
    models.put("statusNames", STATUS_NAMES);
    models.put("done", done);
    if (models.get("form") == null) {
      models.put("form", Map.of());
    }
    return "boards/meeting.html";
  }

  @GET
  @Path("{id}/calendar")
  @RequiresPermission(BoardsPlugin.READ)
  public Response calendar(@PathParam("id") String id) {
    return Response.ok(meetings.calendar(BoardsResource.uuid(id)), "text/calendar;charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"meeting.ics\"")
        .build();
  }

  @GET
  @Path("{id}/papers/{paper}")
  @RequiresPermission(BoardsPlugin.READ)
  public Response paper(@PathParam("id") String id, @PathParam("paper") String paperId) {
    Paper paper = meetingPapers.paper(BoardsResource.uuid(id), BoardsResource.uuid(paperId));
    return Download.attachment(paper.content(), paper.contentType(), paper.fileName());
  }

  @POST
  @Path("{id}/attendance")
  @RequiresPermission(BoardsPlugin.MANAGE)
  @Controller
  public String attendance(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    UUID meetingId = BoardsResource.uuid(id);
    int recorded = 0;
    for (Map.Entry<String, List<String>> field : form.entrySet()) {
      if (!field.getKey().startsWith("attendance-") || field.getValue().isEmpty()) {
        continue;
      }
      String value = field.getValue().get(0);
      if (!STATUSES.contains(value)) {
        continue;
      }
      UUID member = BoardsResource.uuid(field.getKey().substring("attendance-".length()));
      meetings.attend(meetingId, member, Attendance.Status.valueOf(value));
      recorded++;
    }
    return redirect(id, recorded == 0 ? "Nothing was changed" : "Attendance saved");
  }

  @POST
  @Path("{id}/minutes")
  @RequiresPermission(BoardsPlugin.MANAGE)
  @Controller
  public String minutes(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    return FormSubmission.of(models::put)
        .keeping(Map.of("minutes", PageForms.text(form, "minutes")))
        .otherwiseOn("minutes")
        .submit(
            errors -> {
              String text = PageForms.required(form, "minutes", 100_000, "the minutes", errors);
              errors.refuseIfAny();
              meetingMinutes.draftMinutes(BoardsResource.uuid(id), text);
              return redirect(id, "Draft minutes saved");
            },
            () -> meeting(id, null));
  }

  @POST
  @Path("{id}/minutes/approval")
  @RequiresPermission(BoardsPlugin.MANAGE)
  @Controller
  public String approve(@PathParam("id") String id) {
    meetingMinutes.approveMinutes(BoardsResource.uuid(id));
    return redirect(id, "Minutes approved");
  }

  @POST
  @Path("{id}/actions")
  @RequiresPermission(BoardsPlugin.MANAGE)
  @Controller
  public String action(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    return FormSubmission.of(models::put)
        .keeping(
            Map.of(
                "action", PageForms.text(form, "action"),
                "owner", PageForms.text(form, "owner"),
                "due", PageForms.text(form, "due")))
        .submit(
            errors -> {
              String description =
                  PageForms.required(form, "action", 2000, "what is to be done", errors);
              String owner = PageForms.required(form, "owner", 200, "who will do it", errors);
              Optional<LocalDate> due = PageForms.day(form, "due", false, errors);
              errors.refuseIfAny();
              meetingMinutes.raiseAction(
                  BoardsResource.uuid(id), description, owner, due.orElse(null));
              return redirect(id, "Action added");
            },
            () -> meeting(id, null));
  }

  @POST
  @Path("{id}/papers")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Controller
  @RequiresPermission(BoardsPlugin.MANAGE)
  public String addPaper(
      @PathParam("id") String id,
      @FormParam("paperTitle") String title,
      @FormParam("easyReadOf") String easyReadOf,
      @FormParam("paper") EntityPart file)
      throws java.io.IOException {
    String paperTitle = title == null ? "" : title.strip();
    Optional<Upload> upload = Upload.read(file, 26 * 1024 * 1024);
    return FormSubmission.of(models::put)
        .keeping(Map.of("paperTitle", paperTitle))
        .field("file", "paper")
        .field("easyReadOf", "paper")
        .otherwiseOn("paper")
        .submit(
            errors -> {
              if (paperTitle.isEmpty() || paperTitle.length() > 200) {
                errors.add("paperTitle", "Enter the paper's title, up to 200 characters");
              }
              if (upload.isEmpty()) {
                errors.add("paper", "Choose the paper's file");
              }
              errors.refuseIfAny();
              meetingPapers.addPaper(
                  BoardsResource.uuid(id),
                  paperTitle,
                  easyReadOf == null || easyReadOf.isBlank()
                      ? null
                      : BoardsResource.uuid(easyReadOf),
                  upload.get().fileName(),
                  upload.get().mediaType(),
                  upload.get().content());
              return redirect(id, "Paper added");
            },
            () -> meeting(id, null));
  }

  @POST
  @Path("{id}/agenda")
  @RequiresPermission(BoardsPlugin.PROPOSE)
  @Controller
  public String propose(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String description = PageForms.text(form, "itemDescription");
    return FormSubmission.of(models::put)
        .keeping(
            Map.of("itemTitle", PageForms.text(form, "itemTitle"), "itemDescription", description))
        .submit(
            errors -> {
              String title =
                  PageForms.required(form, "itemTitle", 200, "a title for the item", errors);
              if (description.length() > 5000) {
                errors.add("itemDescription", "The description must be 5,000 characters or fewer");
              }
              errors.refuseIfAny();
              agendas.propose(
                  BoardsResource.uuid(id),
                  title,
                  description.isEmpty() ? null : description,
                  "yes".equals(form.getFirst("confidential")));
              return redirect(id, "Your item has been added to the agenda");
            },
            () -> meeting(id, null));
  }

  private String redirect(String id, String done) {
    return Redirect.to(tenant.current(), "boards/meetings/" + id, done);
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
