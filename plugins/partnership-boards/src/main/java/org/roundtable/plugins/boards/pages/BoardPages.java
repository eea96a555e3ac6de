package org.roundtable.plugins.boards.pages;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.api.platform.Members;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.time.UkTime;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.plugins.boards.BoardsPlugin;
import org.roundtable.plugins.boards.api.BoardsResource;
import org.roundtable.plugins.boards.application.BoardRecords;
import org.roundtable.plugins.boards.application.Boards;
import org.roundtable.plugins.boards.application.Meetings;
import org.roundtable.plugins.boards.application.Minutes;
import org.roundtable.plugins.boards.domain.Board;
import org.roundtable.plugins.boards.domain.BoardMembership;
import org.roundtable.plugins.boards.domain.BoardRecord;
import org.roundtable.plugins.boards.domain.Meeting;

/**
 * {@code /{tenant}/boards/}: the boards someone sits on (every board, for officers), a board's
 * members, meetings, open actions and achievements; officers set up boards, seat members and
 * schedule meetings.
 */
@Controller
@RequestScoped
public class BoardPages {

  @Inject Boards boards;

  @Inject Meetings meetings;

  @Inject Minutes meetingMinutes;

  @Inject BoardRecords boardRecords;
  @Inject Members members;
  @Inject Models models;
  @Inject TenantContext tenant;
  @Inject Clock clock;

  /** A board in the list, with its next meeting if one is planned. */
  public record BoardRow(UUID id, String name, String next) {}

  /** A seat on a board, with the member's name. */
  public record Seat(String name, String role, boolean livedExperience, boolean acceptedConduct) {}

  /** A meeting in a board's list. */
  public record MeetingRow(UUID id, String title, String when, boolean past) {}

  @GET
  @RequiresPermission(BoardsPlugin.READ)
  public String list(@QueryParam("done") String done) {
    Map<UUID, String> next = new java.util.HashMap<>();
    for (Meeting meeting : meetings.upcoming(100)) {
      next.putIfAbsent(meeting.boardId(), PageForms.when(meeting.startsAt()));
    }
    models.put(
        "boards",
        boards.visible().stream()
            .map(b -> new BoardRow(b.id(), b.name(), next.get(b.id())))
            .toList());
    models.put("canManage", boards.canManage());
    models.put("done", done);
    return "boards/list.html";
  }

  @POST
  @RequiresPermission(BoardsPlugin.MANAGE)
  public String create(MultivaluedMap<String, String> form) {
    return FormSubmission.of(models::put)
        .keeping(
            Map.of(
                "name", PageForms.text(form, "name"),
                "termsOfReference", PageForms.text(form, "termsOfReference"),
                "codeOfConduct", PageForms.text(form, "codeOfConduct")))
        .submit(
            errors -> {
              String name = PageForms.required(form, "name", 200, "the board's name", errors);
              String terms =
                  PageForms.required(
                      form, "termsOfReference", 5000, "the terms of reference", errors);
              String conduct =
                  PageForms.required(form, "codeOfConduct", 5000, "the code of conduct", errors);
              errors.refuseIfAny();
              Board board = boards.create(name, terms, conduct);
              return Redirect.to(tenant.current(), "boards/board/" + board.id());
            },
            () -> list(null));
  }

  @GET
  @Path("{id}")
  @RequiresPermission(BoardsPlugin.READ)
  public String board(@PathParam("id") String id, @QueryParam("done") String done) {
    Board board = boards.board(BoardsResource.uuid(id));
    List<BoardMembership> seats = boards.memberships(board.id());
    Map<UUID, Members.Summary> people =
        members.findAll(seats.stream().map(BoardMembership::memberId).toList());
    LocalDate today = LocalDate.now(clock.withZone(UkTime.ZONE));
    models.put("board", board);
    models.put(
        "seats",
        seats.stream()
            .filter(s -> s.isCurrent(today))
            .map(
                s ->
                    new Seat(
                        Optional.ofNullable(people.get(s.memberId()))
                            .map(Members.Summary::name)
                            .orElse("Someone who has left"),
                        s.role(),
                        s.livedExperience(),
                        s.conductAcceptedAt() != null))
            .toList());
    Instant now = clock.instant();
    models.put(
        "meetings",
        meetings.meetings(board.id()).stream()
            .map(
                m ->
                    new MeetingRow(
                        m.id(),
                        m.title(),
                        PageForms.when(m.startsAt()),
                        m.startsAt().isBefore(now)))
            .toList());
    models.put("actions", meetingMinutes.openActions(board.id()));
    models.put(
        "achievements", boardRecords.records(board.id(), BoardRecord.Kind.ACHIEVEMENT, null));
    models.put("canManage", boards.canManage());
    if (boards.canManage()) {
      models.put("people", members.list(0, 500));
    }
    models.put("done", done);
    if (models.get("form") == null) {
      models.put("form", Map.of());
    }
    return "boards/board.html";
  }

  @POST
  @Path("{id}/members")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public String seat(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    UUID boardId = BoardsResource.uuid(id);
    String member = PageForms.text(form, "member");
    return FormSubmission.of(models::put)
        .keeping(Map.of("role", PageForms.text(form, "role")))
        .field("memberId", "member")
        .otherwiseOn("member")
        .submit(
            errors -> {
              String role = PageForms.required(form, "role", 50, "their role on the board", errors);
              if (member.isEmpty()) {
                errors.add("member", "Select who is joining the board");
              }
              LocalDate start =
                  PageForms.day(form, "termStart", false, errors)
                      .orElse(LocalDate.now(clock.withZone(UkTime.ZONE)));
              Optional<LocalDate> end = PageForms.day(form, "termEnd", false, errors);
              errors.refuseIfAny();
              boards.addMember(
                  boardId,
                  BoardsResource.uuid(member),
                  role.toLowerCase(java.util.Locale.UK),
                  "yes".equals(form.getFirst("livedExperience")),
                  start,
                  end.orElse(null));
              return Redirect.to(tenant.current(), "boards/board/" + id, "Member added");
            },
            () -> board(id, null));
  }

  @POST
  @Path("{id}/meetings")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public String schedule(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    UUID boardId = BoardsResource.uuid(id);
    String title = PageForms.text(form, "title");
    String venue = PageForms.text(form, "venue");
    String online = PageForms.text(form, "onlineLink");
    String accessibility = PageForms.text(form, "accessibility");
    return FormSubmission.of(models::put)
        .keeping(
            Map.of(
                "title", title,
                "day", PageForms.text(form, "day"),
                "time", PageForms.text(form, "time"),
                "venue", venue,
                "onlineLink", online,
                "accessibility", accessibility))
        .otherwiseOn("title")
        .submit(
            errors -> {
              PageForms.required(form, "title", 200, "the meeting's title", errors);
              Optional<LocalDate> day = PageForms.day(form, "day", true, errors);
              Optional<LocalTime> time = PageForms.time(form, "time", errors);
              if (venue.isEmpty() && online.isEmpty()) {
                errors.add("venue", "Enter a venue, an online link, or both");
              }
              if (!online.isEmpty() && !online.startsWith("https://")) {
                errors.add("onlineLink", "Enter the online link starting with https://");
              }
              errors.refuseIfAny();
              Meeting meeting =
                  meetings.schedule(
                      boardId,
                      title,
                      PageForms.at(day.get(), time.get()),
                      null,
                      venue.isEmpty() ? null : venue,
                      accessibility.isEmpty() ? null : accessibility,
                      online.isEmpty() ? null : online);
              return Redirect.to(tenant.current(), "boards/meetings/" + meeting.id());
            },
            () -> board(id, null));
  }

  @POST
  @Path("{id}/achievements")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public String achievement(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    return FormSubmission.of(models::put)
        .submit(
            errors -> {
              String title =
                  PageForms.required(form, "achievement", 200, "what the board achieved", errors);
              String body = PageForms.text(form, "achievementDetail");
              errors.refuseIfAny();
              boardRecords.record(
                  BoardsResource.uuid(id),
                  BoardRecord.Kind.ACHIEVEMENT,
                  null,
                  title,
                  body.isEmpty() ? null : body,
                  LocalDate.now(clock.withZone(UkTime.ZONE)));
              return Redirect.to(tenant.current(), "boards/board/" + id, "Achievement recorded");
            },
            () -> board(id, null));
  }

  @POST
  @Path("{id}/conduct")
  @RequiresPermission(BoardsPlugin.READ)
  public String acceptConduct(@PathParam("id") String id) {
    boards.acceptConduct(BoardsResource.uuid(id));
    return Redirect.to(
        tenant.current(), "boards/board/" + id, "Thank you for accepting the code of conduct");
  }
}
