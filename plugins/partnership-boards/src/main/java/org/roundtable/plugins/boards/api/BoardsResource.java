package org.roundtable.plugins.boards.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.boards.BoardsPlugin;
import org.roundtable.plugins.boards.application.BoardRecords;
import org.roundtable.plugins.boards.application.Boards;
import org.roundtable.plugins.boards.application.Meetings;
import org.roundtable.plugins.boards.application.Minutes;
import org.roundtable.plugins.boards.domain.Board;
import org.roundtable.plugins.boards.domain.BoardAction;
import org.roundtable.plugins.boards.domain.BoardMembership;
import org.roundtable.plugins.boards.domain.BoardRecord;
import org.roundtable.plugins.boards.domain.Meeting;

/** {@code /api/v1/{tenant}/boards/boards}: boards, their members, meetings and action logs. */
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BoardsResource {

  @Inject Boards boards;
  @Inject MeetingViews views;

  @Inject Meetings meetings;

  @Inject Minutes meetingMinutes;

  @Inject BoardRecords boardRecords;

  /** A new board. */
  public record BoardRequest(
      @NotBlank(message = "give the board a name") @Size(max = 200) String name,
      @NotNull(message = "write the terms of reference (what the board is for and how it works)")
          @Size(max = 20000)
          String termsOfReference,
      @NotNull(message = "write the code of conduct members agree to") @Size(max = 20000)
          String codeOfConduct) {}

  /** A seat on a board. */
  public record MembershipRequest(
      @NotNull(message = "say which member") UUID memberId,
      @NotNull(message = "give their role on the board")
          @Pattern(
              regexp = "chair|vice-chair|member|officer",
              message = "must be chair, vice-chair, member or officer")
          String role,
      boolean livedExperience,
      @NotNull(message = "give the day their term starts") LocalDate termStart,
      LocalDate termEnd) {}

  /** When and where a meeting is: the venue (with its access facts), an online link, or both. */
  public record Placement(
      @NotNull(message = "give the start time") Instant startsAt,
      Integer durationMinutes,
      @Size(max = 500) String venue,
      @Size(max = 2000) String accessibility,
      @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https:// link")
          String onlineLink) {}

  /** A meeting to schedule. */
  public record MeetingRequest(
      @NotNull(message = "give the start time") Instant startsAt,
      Integer durationMinutes,
      @Size(max = 500) String venue,
      @Size(max = 2000) String accessibility,
      @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https:// link")
          String onlineLink,
      @NotBlank(message = "give the meeting a title") @Size(max = 200) String title) {}

  /** A decision, sub-group, achievement or declaration. */
  public record RecordRequest(
      @NotBlank(message = "give it a title") @Size(max = 300) String title,
      @Size(max = 10000) String body,
      LocalDate on) {}

  /** A sub-group's outcome. */
  public record OutcomeRequest(
      @NotBlank(message = "say what the sub-group achieved or found") @Size(max = 10000)
          String outcome) {}

  public record RecordView(
      UUID id,
      BoardRecord.Kind kind,
      String title,
      String body,
      String outcome,
      LocalDate on,
      String meetingId,
      String memberId) {
    static RecordView of(BoardRecord r) {
      return new RecordView(
          r.id(),
          r.kind(),
          r.title(),
          r.body(),
          r.outcome(),
          r.happenedOn(),
          r.meetingId(),
          r.memberId());
    }
  }

  public record BoardView(
      UUID id,
      String name,
      String termsOfReference,
      String codeOfConduct,
      int currentSeats,
      long livedExperienceSeats,
      List<MembershipView> members,
      List<RecordView> subgroups,
      List<RecordView> decisions,
      List<RecordView> achievements) {}

  public record MembershipView(
      UUID memberId,
      String role,
      boolean livedExperience,
      LocalDate termStart,
      LocalDate termEnd,
      boolean acceptedCodeOfConduct) {

    static MembershipView of(BoardMembership m) {
      return new MembershipView(
          m.memberId(),
          m.role(),
          m.livedExperience(),
          m.termStart(),
          m.termEnd(),
          m.conductAcceptedAt() != null);
    }
  }

  public record BoardSummary(UUID id, String name) {}

  public record ActionView(
      UUID id, String description, String owner, LocalDate dueOn, UUID raisedAtMeeting) {
    static ActionView of(BoardAction a) {
      return new ActionView(a.id(), a.description(), a.owner(), a.dueOn(), a.raisedAtMeeting());
    }
  }

  @GET
  @RequiresPermission(BoardsPlugin.READ)
  public List<BoardSummary> list() {
    return boards.visible().stream().map(b -> new BoardSummary(b.id(), b.name())).toList();
  }

  @POST
  @RequiresPermission(BoardsPlugin.MANAGE)
  public Response create(@NotNull(message = "send the board as JSON") @Valid BoardRequest request) {
    Board board =
        boards.create(request.name(), request.termsOfReference(), request.codeOfConduct());
    return Response.status(201).entity(view(board.id())).build();
  }

  @GET
  @Path("{id}")
  @RequiresPermission(BoardsPlugin.READ)
  public BoardView get(@PathParam("id") String id) {
    return view(uuid(id));
  }

  @POST
  @Path("{id}/members")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public Response addMember(
      @PathParam("id") String id,
      @NotNull(message = "send the seat as JSON") @Valid MembershipRequest request) {
    BoardMembership seat =
        boards.addMember(
            uuid(id),
            request.memberId(),
            request.role(),
            request.livedExperience(),
            request.termStart(),
            request.termEnd());
    return Response.status(201).entity(MembershipView.of(seat)).build();
  }

  @POST
  @Path("{id}/code-of-conduct/acceptance")
  @RequiresPermission(BoardsPlugin.READ)
  public MembershipView acceptConduct(@PathParam("id") String id) {
    return MembershipView.of(boards.acceptConduct(uuid(id)));
  }

  @POST
  @Path("{id}/meetings")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public Response schedule(
      @PathParam("id") String id,
      @NotNull(message = "send the meeting as JSON") @Valid MeetingRequest request) {
    Meeting meeting =
        meetings.schedule(
            uuid(id),
            request.title(),
            request.startsAt(),
            request.durationMinutes(),
            request.venue(),
            request.accessibility(),
            request.onlineLink());
    return Response.status(201).entity(views.of(meeting)).build();
  }

  @GET
  @Path("{id}/actions")
  @RequiresPermission(BoardsPlugin.READ)
  public List<ActionView> actions(@PathParam("id") String id) {
    return meetingMinutes.openActions(uuid(id)).stream().map(ActionView::of).toList();
  }

  @POST
  @Path("{id}/actions/{action}/done")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public ActionView done(@PathParam("id") String id, @PathParam("action") String action) {
    return ActionView.of(meetingMinutes.completeAction(uuid(id), uuid(action)));
  }

  private BoardView view(UUID id) {
    Boards.Overview overview = boards.overview(id);
    Board board = overview.board();
    List<BoardMembership> seats = overview.seats();
    LocalDate today = LocalDate.now(UkTime.ZONE);
    return new BoardView(
        board.id(),
        board.name(),
        board.termsOfReference(),
        board.codeOfConduct(),
        (int) seats.stream().filter(s -> s.isCurrent(today)).count(),
        overview.livedExperience(),
        seats.stream().map(MembershipView::of).toList(),
        views(overview.records(BoardRecord.Kind.SUBGROUP)),
        views(overview.records(BoardRecord.Kind.DECISION)),
        views(overview.records(BoardRecord.Kind.ACHIEVEMENT)));
  }

  private static List<RecordView> views(List<BoardRecord> records) {
    return records.stream().map(RecordView::of).toList();
  }

  @POST
  @Path("{id}/subgroups")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public Response subgroup(
      @PathParam("id") String id,
      @NotNull(message = "send the sub-group as JSON") @Valid RecordRequest request) {
    return created(
        boardRecords.record(
            uuid(id),
            BoardRecord.Kind.SUBGROUP,
            null,
            request.title(),
            request.body(),
            request.on()));
  }

  @PUT
  @Path("{id}/subgroups/{subgroup}/outcome")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public RecordView outcome(
      @PathParam("id") String id,
      @PathParam("subgroup") String subgroup,
      @NotNull(message = "send the outcome as JSON") @Valid OutcomeRequest request) {
    return RecordView.of(boardRecords.conclude(uuid(id), uuid(subgroup), request.outcome()));
  }

  @POST
  @Path("{id}/achievements")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public Response achievement(
      @PathParam("id") String id,
      @NotNull(message = "send the achievement as JSON") @Valid RecordRequest request) {
    return created(
        boardRecords.record(
            uuid(id),
            BoardRecord.Kind.ACHIEVEMENT,
            null,
            request.title(),
            request.body(),
            request.on()));
  }

  static Response created(BoardRecord record) {
    return Response.status(201).entity(RecordView.of(record)).build();
  }

  public static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFound();
    }
  }
}
