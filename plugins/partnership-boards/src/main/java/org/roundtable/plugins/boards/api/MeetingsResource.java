package org.roundtable.plugins.boards.api;

import static org.roundtable.plugins.boards.api.BoardsResource.uuid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.platform.Guests;
import org.roundtable.api.security.GuestAccess;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.web.Download;
import org.roundtable.plugins.boards.BoardsPlugin;
import org.roundtable.plugins.boards.application.Agendas;
import org.roundtable.plugins.boards.application.BoardRecords;
import org.roundtable.plugins.boards.application.Boards;
import org.roundtable.plugins.boards.application.Meetings;
import org.roundtable.plugins.boards.application.Minutes;
import org.roundtable.plugins.boards.application.Papers;
import org.roundtable.plugins.boards.domain.AgendaItem;
import org.roundtable.plugins.boards.domain.Attendance;
import org.roundtable.plugins.boards.domain.BoardAction;
import org.roundtable.plugins.boards.domain.BoardRecord;
import org.roundtable.plugins.boards.domain.Meeting;
import org.roundtable.plugins.boards.domain.Paper;

/** {@code /api/v1/{tenant}/boards/meetings}: one meeting's agenda, attendance, minutes, actions. */
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeetingsResource {

  @Inject Boards boards;
  @Inject MeetingViews views;

  @Inject Meetings meetings;

  @Inject Agendas agendas;

  @Inject Minutes meetingMinutes;

  @Inject BoardRecords boardRecords;

  @Inject Papers meetingPapers;
  @Inject Guests guests;

  /** An agenda item a member proposes. */
  public record ItemRequest(
      @NotBlank(message = "give the item a title") @Size(max = 200) String title,
      @Size(max = 5000) String description,
      boolean confidential) {}

  /** The agenda's new order. */
  public record OrderRequest(
      @NotNull(message = "list the items' ids in their new order") List<UUID> itemIds) {}

  /** How someone attended. */
  public record AttendanceRequest(
      @NotNull(message = "give how they attended") Attendance.Status status) {}

  /** Minutes text. */
  public record MinutesRequest(
      @NotNull(message = "write the minutes") @Size(max = 100000) String text) {}

  /** An action. */
  public record ActionRequest(
      @NotBlank(message = "say what is to be done") @Size(max = 2000) String description,
      @NotBlank(message = "say who will do it") @Size(max = 200) String owner,
      LocalDate dueOn) {}

  public record ItemView(
      UUID id,
      int position,
      String title,
      String description,
      boolean proposedByMember,
      boolean confidential) {}

  public record AttendanceView(UUID memberId, Attendance.Status status) {}

  public record MeetingView(
      UUID id,
      UUID boardId,
      String title,
      Instant startsAt,
      int durationMinutes,
      String venue,
      String accessibility,
      String onlineLink,
      List<ItemView> agenda,
      List<AttendanceView> attendance,
      Meetings.Quorum quorum,
      String minutes,
      Meeting.MinutesStatus minutesStatus,
      List<BoardsResource.ActionView> actionLog,
      List<BoardsResource.RecordView> declarations,
      List<BoardsResource.RecordView> decisions,
      List<PaperView> papers) {}

  public record PaperView(
      UUID id,
      String title,
      String easyReadOf,
      String fileName,
      String contentType,
      long sizeBytes) {}

  @GET
  @Path("{id}")
  @RequiresPermission(BoardsPlugin.READ)
  @GuestAccess(resource = BoardsPlugin.GUEST_MEETINGS, pathParam = "id")
  public MeetingView get(@PathParam("id") String id) {
    Meeting meeting = meetings.meeting(uuid(id));
    return meetings.isGuestOf(meeting.id()) ? views.forGuest(meeting) : views.of(meeting);
  }

  /** Someone from outside invited to this meeting. */
  public record GuestRequest(
      @NotBlank(message = "enter their name") @Size(max = 200) String fullName,
      @NotBlank(message = "enter their email address") @Size(max = 254) String email,
      @Size(max = 200) String organisation) {}

  public record GuestView(UUID memberId, String name, String organisation, Instant since) {
    static GuestView of(Guests.Guest guest) {
      return new GuestView(guest.memberId(), guest.name(), guest.organisation(), guest.since());
    }
  }

  /** Invites a guest to this meeting: an email to sign in, and the meeting is all they see. */
  @POST
  @Path("{id}/guests")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public Response inviteGuest(
      @PathParam("id") String id,
      @NotNull(message = "send the guest as JSON") @Valid GuestRequest request) {
    Meeting meeting = meetings.meeting(uuid(id));
    guests.invite(
        BoardsPlugin.GUEST_MEETINGS,
        meeting.id().toString(),
        new Guests.Invitation(request.fullName(), request.email(), request.organisation()));
    return Response.status(Response.Status.CREATED).entity(guestsOf(meeting)).build();
  }

  @GET
  @Path("{id}/guests")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public List<GuestView> guests(@PathParam("id") String id) {
    return guestsOf(meetings.meeting(uuid(id)));
  }

  @DELETE
  @Path("{id}/guests/{member}")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public Response removeGuest(@PathParam("id") String id, @PathParam("member") String member) {
    Meeting meeting = meetings.meeting(uuid(id));
    if (!guests.revoke(BoardsPlugin.GUEST_MEETINGS, meeting.id().toString(), uuid(member))) {
      throw new NotFound("This guest");
    }
    return Response.noContent().build();
  }

  private List<GuestView> guestsOf(Meeting meeting) {
    return guests.of(BoardsPlugin.GUEST_MEETINGS, meeting.id().toString()).stream()
        .map(GuestView::of)
        .toList();
  }

  @PUT
  @Path("{id}")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public MeetingView change(
      @PathParam("id") String id,
      @NotNull(message = "send the meeting as JSON") @Valid BoardsResource.Placement request) {
    return views.of(
        meetings.change(
            uuid(id),
            request.startsAt(),
            request.durationMinutes(),
            request.venue(),
            request.accessibility(),
            request.onlineLink()));
  }

  @POST
  @Path("{id}/agenda")
  @RequiresPermission(BoardsPlugin.PROPOSE)
  public Response propose(
      @PathParam("id") String id,
      @NotNull(message = "send the item as JSON") @Valid ItemRequest request) {
    AgendaItem item =
        agendas.propose(uuid(id), request.title(), request.description(), request.confidential());
    return Response.status(201).entity(itemView(item)).build();
  }

  @PUT
  @Path("{id}/agenda/order")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public List<ItemView> reorder(
      @PathParam("id") String id,
      @NotNull(message = "send the order as JSON") @Valid OrderRequest request) {
    return agendas.reorder(uuid(id), request.itemIds()).stream()
        .map(MeetingsResource::itemView)
        .toList();
  }

  @PUT
  @Path("{id}/attendance/{member}")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public MeetingView attend(
      @PathParam("id") String id,
      @PathParam("member") String member,
      @NotNull(message = "send the attendance as JSON") @Valid AttendanceRequest request) {
    meetings.attend(uuid(id), uuid(member), request.status());
    return views.of(meetings.meeting(uuid(id)));
  }

  @PUT
  @Path("{id}/minutes")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public MeetingView draftMinutes(
      @PathParam("id") String id,
      @NotNull(message = "send the minutes as JSON") @Valid MinutesRequest request) {
    return views.of(meetingMinutes.draftMinutes(uuid(id), request.text()));
  }

  @POST
  @Path("{id}/minutes/approval")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public MeetingView approveMinutes(@PathParam("id") String id) {
    return views.of(meetingMinutes.approveMinutes(uuid(id)));
  }

  @POST
  @Path("{id}/actions")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public Response raiseAction(
      @PathParam("id") String id,
      @NotNull(message = "send the action as JSON") @Valid ActionRequest request) {
    BoardAction action =
        meetingMinutes.raiseAction(
            uuid(id), request.description(), request.owner(), request.dueOn());
    return Response.status(201).entity(BoardsResource.ActionView.of(action)).build();
  }

  @POST
  @Path("{id}/papers")
  @Consumes(MediaType.WILDCARD)
  @RequiresPermission(BoardsPlugin.MANAGE)
  public Response addPaper(
      @PathParam("id") String id,
      @QueryParam("title") String title,
      @QueryParam("fileName") String fileName,
      @QueryParam("easyReadOf") String easyReadOf,
      @HeaderParam("Content-Type") String contentType,
      byte[] content) {
    if (title == null || title.isBlank() || title.length() > 200) {
      throw new Refused("title", "Give the paper a title of up to 200 characters (?title=)");
    }
    String name = fileName == null || fileName.isBlank() ? "paper" : fileName.strip();
    if (name.length() > 200 || name.contains("/") || name.contains("\\") || name.contains("\"")) {
      throw new Refused("fileName", "The file name must be a plain name of up to 200 characters");
    }
    Paper paper =
        meetingPapers.addPaper(
            uuid(id),
            title,
            easyReadOf == null ? null : uuid(easyReadOf),
            name,
            contentType,
            content == null ? new byte[0] : content);
    return Response.status(201)
        .entity(
            new PaperView(
                paper.id(),
                paper.title(),
                paper.easyReadOf(),
                paper.fileName(),
                paper.contentType(),
                paper.sizeBytes()))
        .build();
  }

  /** The paper itself, always as a download: never shown, run or sniffed by the browser. */
  @GET
  @Path("{id}/papers/{paper}")
  @Produces(MediaType.WILDCARD)
  @RequiresPermission(BoardsPlugin.READ)
  @GuestAccess(resource = BoardsPlugin.GUEST_MEETINGS, pathParam = "id")
  public Response paper(@PathParam("id") String id, @PathParam("paper") String paperId) {
    Paper paper = meetingPapers.paper(uuid(id), uuid(paperId));
    return Download.attachment(paper.content(), paper.contentType(), paper.fileName());
  }

  @POST
  @Path("{id}/declarations")
  @RequiresPermission(BoardsPlugin.READ)
  public Response declare(
      @PathParam("id") String id,
      @NotNull(message = "send the declaration as JSON") @Valid
          BoardsResource.RecordRequest request) {
    Meeting meeting = meetings.meeting(uuid(id));
    return BoardsResource.created(
        boardRecords.record(
            meeting.boardId(),
            BoardRecord.Kind.DECLARATION,
            meeting.id(),
            request.title(),
            request.body(),
            null));
  }

  @POST
  @Path("{id}/decisions")
  @RequiresPermission(BoardsPlugin.MANAGE)
  public Response decide(
      @PathParam("id") String id,
      @NotNull(message = "send the decision as JSON") @Valid BoardsResource.RecordRequest request) {
    Meeting meeting = meetings.meeting(uuid(id));
    return BoardsResource.created(
        boardRecords.record(
            meeting.boardId(),
            BoardRecord.Kind.DECISION,
            meeting.id(),
            request.title(),
            request.body(),
            null));
  }

  static ItemView itemView(AgendaItem item) {
    return new ItemView(
        item.id(),
        item.position(),
        item.title(),
        item.description(),
        item.proposedBy() != null,
        item.confidential());
  }
}
