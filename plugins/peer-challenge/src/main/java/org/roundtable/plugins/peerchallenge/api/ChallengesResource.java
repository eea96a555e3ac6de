package org.roundtable.plugins.peerchallenge.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.platform.Guests;
import org.roundtable.api.platform.Members;
import org.roundtable.api.security.GuestAccess;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.web.Download;
import org.roundtable.plugins.peerchallenge.PeerChallengePlugin;
import org.roundtable.plugins.peerchallenge.application.ChallengeAccess;
import org.roundtable.plugins.peerchallenge.application.Challenges;
import org.roundtable.plugins.peerchallenge.application.Evidence;
import org.roundtable.plugins.peerchallenge.application.Library;
import org.roundtable.plugins.peerchallenge.application.Outputs;
import org.roundtable.plugins.peerchallenge.application.Schedule;
import org.roundtable.plugins.peerchallenge.application.TeamDays;
import org.roundtable.plugins.peerchallenge.domain.Challenge;
import org.roundtable.plugins.peerchallenge.domain.ChallengeDocument;
import org.roundtable.plugins.peerchallenge.domain.ChallengeStatus;
import org.roundtable.plugins.peerchallenge.domain.DayPart;
import org.roundtable.plugins.peerchallenge.domain.EvidenceNote;
import org.roundtable.plugins.peerchallenge.domain.FeedbackPoint;
import org.roundtable.plugins.peerchallenge.domain.Finding;
import org.roundtable.plugins.peerchallenge.domain.Judgement;
import org.roundtable.plugins.peerchallenge.domain.PlannedAction;
import org.roundtable.plugins.peerchallenge.domain.Reading;
import org.roundtable.plugins.peerchallenge.domain.Session;
import org.roundtable.plugins.peerchallenge.domain.SourceType;
import org.roundtable.plugins.peerchallenge.domain.TeamDay;
import org.roundtable.plugins.peerchallenge.domain.TeamRole;
import org.roundtable.plugins.peerchallenge.domain.Triangulation;

/**
 * {@code /api/v1/{council}/peer-challenge/challenges}: challenges, their team, document library,
 * evidence, findings and triangulation, and the days the team gives. Every method says who may call
 * it; the host's coordinators (guests) reach their own challenge's page and library only.
 */
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChallengesResource {

  @Inject Challenges challenges;
  @Inject ChallengeAccess access;
  @Inject Library library;
  @Inject Evidence evidence;
  @Inject TeamDays teamDays;
  @Inject Outputs outputs;
  @Inject Schedule schedule;

  // --- the challenge ---------------------------------------------------------------------------

  /** A new challenge. */
  public record ChallengeRequest(
      @NotBlank(message = "name the host council") @Size(max = 200) String hostCouncil,
      @NotBlank(message = "describe the scope") @Size(max = 4000) String scope,
      @NotBlank(message = "write the focus question") @Size(max = 1000) String focusQuestion,
      LocalDate scopingMeetingOn,
      @NotNull(message = "give the first day on site") LocalDate onSiteFrom,
      @NotNull(message = "give the last day on site") LocalDate onSiteTo,
      LocalDate feedbackOn,
      LocalDate reportDueOn,
      LocalDate progressReviewOn) {}

  /** A line of enquiry. */
  public record LineView(UUID id, int position, String title) {}

  /** A team member: their name and part, listed alike. */
  public record TeamView(UUID memberId, String name, TeamRole role, String part) {}

  /** A challenge as its team, its managers and its host's coordinators see it. */
  public record ChallengeView(
      UUID id,
      String hostCouncil,
      String scope,
      String focusQuestion,
      ChallengeStatus status,
      Challenge.Dates dates,
      LocalDate retentionUntil,
      boolean evidenceErased,
      ChallengeAccess.Standing you,
      List<LineView> lines,
      List<TeamView> team) {}

  @GET
  @RequiresPermission(PeerChallengePlugin.READ)
  public List<ChallengeView> list() {
    return challenges.visible().stream().map(this::view).toList();
  }

  @POST
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public Response create(
      @NotNull(message = "send the challenge as JSON") @Valid ChallengeRequest request) {
    Challenge challenge =
        challenges.create(
            request.hostCouncil().strip(),
            request.scope().strip(),
            request.focusQuestion().strip(),
            new Challenge.Dates(
                request.scopingMeetingOn(),
                request.onSiteFrom(),
                request.onSiteTo(),
                request.feedbackOn(),
                request.reportDueOn(),
                request.progressReviewOn()));
    return Response.status(Response.Status.CREATED).entity(view(challenge)).build();
  }

  @GET
  @Path("{id}")
  @RequiresPermission(PeerChallengePlugin.READ)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public ChallengeView get(@PathParam("id") String id) {
    return view(challenges.challenge(uuid(id)));
  }

  /** A new line of enquiry. */
  public record LineRequest(
      @NotBlank(message = "write the line of enquiry") @Size(max = 300) String title) {}

  @POST
  @Path("{id}/lines")
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public Response addLine(
      @PathParam("id") String id,
      @NotNull(message = "send the line as JSON") @Valid LineRequest request) {
    var line = challenges.addLine(uuid(id), request.title().strip());
    return Response.status(Response.Status.CREATED)
        .entity(new LineView(line.id(), line.position(), line.title()))
        .build();
  }

  /** Someone joining the team. */
  public record TeamRequest(
      @NotNull(message = "choose the member") UUID memberId,
      @NotNull(message = "choose their part") TeamRole role) {}

  @POST
  @Path("{id}/team")
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public Response addToTeam(
      @PathParam("id") String id,
      @NotNull(message = "send the team member as JSON") @Valid TeamRequest request) {
    challenges.addToTeam(uuid(id), request.memberId(), request.role());
    return Response.status(Response.Status.CREATED)
        .entity(view(challenges.challenge(uuid(id))))
        .build();
  }

  /** A team member's access needs, if they share them. */
  public record NeedsView(
      UUID memberId,
      String name,
      TeamRole role,
      boolean shared,
      List<String> needs,
      String notes) {}

  @GET
  @Path("{id}/team/access-needs")
  @RequiresPermission(PeerChallengePlugin.READ)
  public List<NeedsView> accessNeeds(@PathParam("id") String id) {
    return challenges.accessNeeds(uuid(id)).stream()
        .map(
            n ->
                new NeedsView(
                    n.memberId(),
                    n.name(),
                    n.role(),
                    n.needs().isPresent(),
                    n.needs().map(Members.AccessNeeds::needs).orElse(List.of()),
                    n.needs().map(Members.AccessNeeds::notes).orElse("")))
        .toList();
  }

  /** The next step. */
  public record StatusRequest(@NotNull(message = "choose the next step") ChallengeStatus status) {}

  @PUT
  @Path("{id}/status")
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public ChallengeView move(
      @PathParam("id") String id,
      @NotNull(message = "send the status as JSON") @Valid StatusRequest request) {
    return view(challenges.moveTo(uuid(id), request.status()));
  }

  // --- the host's coordinators -----------------------------------------------------------------

  /** One of the host council's coordinators. */
  public record CoordinatorRequest(
      @NotBlank(message = "enter their name") @Size(max = 200) String fullName,
      @NotBlank(message = "enter their email address") @Size(max = 254) String email,
      @Size(max = 200) String organisation) {}

  /** A host coordinator. */
  public record CoordinatorView(UUID memberId, String name, String organisation, Instant since) {}

  @POST
  @Path("{id}/coordinators")
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public Response inviteCoordinator(
      @PathParam("id") String id,
      @NotNull(message = "send the coordinator as JSON") @Valid CoordinatorRequest request) {
    challenges.inviteHostCoordinator(
        uuid(id),
        new Guests.Invitation(request.fullName(), request.email(), request.organisation()));
    return Response.status(Response.Status.CREATED).entity(coordinators(id)).build();
  }

  @GET
  @Path("{id}/coordinators")
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public List<CoordinatorView> coordinators(@PathParam("id") String id) {
    return challenges.hostCoordinators(uuid(id)).stream()
        .map(g -> new CoordinatorView(g.memberId(), g.name(), g.organisation(), g.since()))
        .toList();
  }

  // --- the on-site schedule ---------------------------------------------------------------------

  /** A session of the schedule. */
  public record SessionRequest(
      @NotNull(message = "choose what kind of session it is") Session.Kind kind,
      @NotBlank(message = "give the session a title") @Size(max = 300) String title,
      @NotNull(message = "give the start") Instant startsAt,
      @NotNull(message = "give the end") Instant endsAt,
      @Size(max = 300) String place,
      @Size(max = 1000) String accessInfo,
      List<@NotNull UUID> members) {}

  /** A session as everyone with a standing on the challenge sees it. */
  public record SessionView(
      UUID id,
      Session.Kind kind,
      String title,
      Instant startsAt,
      Instant endsAt,
      String place,
      String accessInfo,
      List<UUID> members) {}

  @GET
  @Path("{id}/schedule")
  @RequiresPermission(PeerChallengePlugin.READ)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public List<SessionView> schedule(@PathParam("id") String id) {
    return schedule.sessions(uuid(id)).stream().map(this::sessionView).toList();
  }

  @POST
  @Path("{id}/schedule")
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public Response addSession(
      @PathParam("id") String id,
      @NotNull(message = "send the session as JSON") @Valid SessionRequest request) {
    Session session =
        schedule.add(
            uuid(id), details(request), request.members() == null ? List.of() : request.members());
    return Response.status(Response.Status.CREATED).entity(sessionView(session)).build();
  }

  @PUT
  @Path("{id}/schedule/{session}")
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public SessionView moveSession(
      @PathParam("id") String id,
      @PathParam("session") String session,
      @NotNull(message = "send the session as JSON") @Valid SessionRequest request) {
    return sessionView(schedule.move(uuid(id), uuid(session), details(request)));
  }

  private static Schedule.Details details(SessionRequest request) {
    return new Schedule.Details(
        request.kind(),
        request.title().strip(),
        request.startsAt(),
        request.endsAt(),
        blankToNull(request.place()),
        blankToNull(request.accessInfo()));
  }

  private SessionView sessionView(Session s) {
    return new SessionView(
        s.id(),
        s.kind(),
        s.title(),
        s.startsAt(),
        s.endsAt(),
        s.place(),
        s.accessInfo(),
        schedule.going(s.id()));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  // --- the document library --------------------------------------------------------------------

  /** A document of the library (its bytes at its own address). */
  public record DocumentView(
      UUID id,
      String title,
      ChallengeDocument.Kind kind,
      UUID easyReadOf,
      String fileName,
      String contentType,
      long sizeBytes,
      Instant uploadedAt) {

    static DocumentView of(ChallengeDocument d) {
      return new DocumentView(
          d.id(),
          d.title(),
          d.kind(),
          d.easyReadOf(),
          d.fileName(),
          d.contentType(),
          d.sizeBytes(),
          d.uploadedAt());
    }
  }

  @GET
  @Path("{id}/documents")
  @RequiresPermission(PeerChallengePlugin.READ)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public List<DocumentView> documents(@PathParam("id") String id) {
    return library.documents(uuid(id)).stream().map(DocumentView::of).toList();
  }

  /** Adds a document: its bytes are the body, what it is in the query. */
  @POST
  @Path("{id}/documents")
  @Consumes(MediaType.WILDCARD)
  @RequiresPermission(PeerChallengePlugin.UPLOAD)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public Response upload(
      @PathParam("id") String id,
      @QueryParam("title") String title,
      @QueryParam("kind") String kind,
      @QueryParam("fileName") String fileName,
      @QueryParam("easyReadOf") String easyReadOf,
      @HeaderParam("Content-Type") String contentType,
      byte[] content) {
    if (title == null || title.isBlank() || title.length() > 300) {
      throw new Refused("title", "give the document a title of up to 300 characters");
    }
    ChallengeDocument.Kind documentKind;
    try {
      documentKind =
          kind == null ? ChallengeDocument.Kind.OTHER : ChallengeDocument.Kind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new Refused("kind", "choose POSITION_STATEMENT, SELF_ASSESSMENT, DATA_PACK or OTHER");
    }
    String name =
        fileName == null || fileName.isBlank()
            ? "document"
            : fileName.strip().replaceAll("[^A-Za-z0-9._ -]", "_");
    ChallengeDocument document =
        library.add(
            uuid(id),
            title.strip(),
            documentKind,
            easyReadOf == null || easyReadOf.isBlank() ? null : uuid(easyReadOf),
            name.length() > 200 ? name.substring(0, 200) : name,
            contentType,
            content == null ? new byte[0] : content);
    return Response.status(Response.Status.CREATED).entity(DocumentView.of(document)).build();
  }

  /** The document itself, always as a download: never shown, run or sniffed by the browser. */
  @GET
  @Path("{id}/documents/{document}")
  @Produces(MediaType.WILDCARD)
  @RequiresPermission(PeerChallengePlugin.READ)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public Response document(@PathParam("id") String id, @PathParam("document") String document) {
    ChallengeDocument found = library.document(uuid(id), uuid(document));
    return Download.attachment(found.content(), found.contentType(), found.fileName());
  }

  /** A line of the reading log. */
  public record ReadingView(UUID documentId, UUID memberId, Instant readAt) {}

  /** The caller, on the team, has read a document. */
  @PUT
  @Path("{id}/documents/{document}/read")
  @RequiresPermission(PeerChallengePlugin.READ)
  public ReadingView read(@PathParam("id") String id, @PathParam("document") String document) {
    Reading read = library.markRead(uuid(id), uuid(document));
    return new ReadingView(read.documentId(), read.memberId(), read.readAt());
  }

  /** The team's reading log: the team and whoever manages challenges. */
  @GET
  @Path("{id}/reading-log")
  @RequiresPermission(PeerChallengePlugin.READ)
  public List<ReadingView> readingLog(@PathParam("id") String id) {
    return library.readingLog(uuid(id)).values().stream()
        .flatMap(List::stream)
        .map(r -> new ReadingView(r.documentId(), r.memberId(), r.readAt()))
        .toList();
  }

  // --- the team's evidence and findings ---------------------------------------------------------

  /** A note written on site. */
  public record NoteRequest(
      @NotNull(message = "choose the line of enquiry") UUID lineId,
      @NotNull(message = "choose where the evidence came from") SourceType sourceType,
      @NotNull(message = "say whether it is a strength or an area to consider") Judgement judgement,
      @NotBlank(message = "write the note") @Size(max = 4000) String text) {}

  /** A note as the team sees it (never the names of the people it came from). */
  public record NoteView(
      UUID id,
      UUID lineId,
      SourceType sourceType,
      Judgement judgement,
      String text,
      Instant writtenAt) {

    static NoteView of(EvidenceNote n) {
      return new NoteView(
          n.id(), n.lineId(), n.sourceType(), n.judgement(), n.text(), n.writtenAt());
    }
  }

  @GET
  @Path("{id}/evidence")
  @RequiresPermission(PeerChallengePlugin.READ)
  public List<NoteView> notes(@PathParam("id") String id) {
    return evidence.notes(uuid(id)).stream().map(NoteView::of).toList();
  }

  @POST
  @Path("{id}/evidence")
  @RequiresPermission(PeerChallengePlugin.READ)
  public Response write(
      @PathParam("id") String id,
      @NotNull(message = "send the note as JSON") @Valid NoteRequest request) {
    EvidenceNote note =
        evidence.write(
            uuid(id),
            request.lineId(),
            request.sourceType(),
            request.judgement(),
            request.text().strip());
    return Response.status(Response.Status.CREATED).entity(NoteView.of(note)).build();
  }

  /** A day's debrief. */
  public record DebriefRequest(
      @NotNull(message = "give the day") LocalDate day,
      @NotBlank(message = "write the debrief") @Size(max = 8000) String text) {}

  /** A debrief as the team sees it. */
  public record DebriefView(UUID id, LocalDate day, String text, Instant writtenAt) {}

  @GET
  @Path("{id}/debriefs")
  @RequiresPermission(PeerChallengePlugin.READ)
  public List<DebriefView> debriefs(@PathParam("id") String id) {
    return evidence.debriefs(uuid(id)).stream()
        .map(d -> new DebriefView(d.id(), d.day(), d.text(), d.writtenAt()))
        .toList();
  }

  @POST
  @Path("{id}/debriefs")
  @RequiresPermission(PeerChallengePlugin.READ)
  public Response debrief(
      @PathParam("id") String id,
      @NotNull(message = "send the debrief as JSON") @Valid DebriefRequest request) {
    var d = evidence.debrief(uuid(id), request.day(), request.text().strip());
    return Response.status(Response.Status.CREATED)
        .entity(new DebriefView(d.id(), d.day(), d.text(), d.writtenAt()))
        .build();
  }

  /** A finding the team drafts, with the notes that support it. */
  public record FindingRequest(
      @NotNull(message = "choose the line of enquiry") UUID lineId,
      @NotNull(message = "say whether it is a strength or an area to consider") Judgement judgement,
      @NotBlank(message = "write the finding") @Size(max = 4000) String text,
      List<@NotNull UUID> notes) {}

  /** More notes for a finding. */
  public record SupportRequest(@NotNull(message = "list the notes") List<@NotNull UUID> notes) {}

  /** A finding, and whether enough different sources support it. */
  public record FindingView(
      UUID id,
      UUID lineId,
      Judgement judgement,
      String text,
      List<SourceType> sourceTypes,
      boolean triangulated) {}

  @GET
  @Path("{id}/findings")
  @RequiresPermission(PeerChallengePlugin.READ)
  public List<FindingView> findings(@PathParam("id") String id) {
    Triangulation triangulation = evidence.triangulation(uuid(id));
    return evidence.findings(uuid(id)).stream().map(f -> findingView(f, triangulation)).toList();
  }

  @POST
  @Path("{id}/findings")
  @RequiresPermission(PeerChallengePlugin.READ)
  public Response draft(
      @PathParam("id") String id,
      @NotNull(message = "send the finding as JSON") @Valid FindingRequest request) {
    Finding finding =
        evidence.draft(
            uuid(id),
            request.lineId(),
            request.judgement(),
            request.text().strip(),
            request.notes() == null ? List.of() : request.notes());
    return Response.status(Response.Status.CREATED)
        .entity(findingView(finding, evidence.triangulation(uuid(id))))
        .build();
  }

  @POST
  @Path("{id}/findings/{finding}/evidence")
  @RequiresPermission(PeerChallengePlugin.READ)
  public FindingView support(
      @PathParam("id") String id,
      @PathParam("finding") String finding,
      @NotNull(message = "send the notes as JSON") @Valid SupportRequest request) {
    Finding supported = evidence.support(uuid(id), uuid(finding), request.notes());
    return findingView(supported, evidence.triangulation(uuid(id)));
  }

  /** Where the evidence is: lines of enquiry by source type, and the findings not triangulated. */
  public record TriangulationView(
      int threshold,
      List<SourceType> sourceTypes,
      List<LineRow> lines,
      List<UUID> notTriangulated) {}

  /** One line of the grid: the notes from each source type, and whether evidence is thin. */
  public record LineRow(UUID lineId, String title, Map<SourceType, Integer> notes, boolean thin) {}

  @GET
  @Path("{id}/triangulation")
  @RequiresPermission(PeerChallengePlugin.READ)
  public TriangulationView triangulation(@PathParam("id") String id) {
    Triangulation t = evidence.triangulation(uuid(id));
    List<LineRow> rows =
        challenges.lines(uuid(id)).stream()
            .map(l -> new LineRow(l.id(), l.title(), t.grid().get(l.id()), t.thin(l.id())))
            .toList();
    return new TriangulationView(
        t.threshold(),
        List.of(SourceType.values()),
        rows,
        t.findings().keySet().stream().filter(f -> !t.triangulated(f)).toList());
  }

  // --- what the challenge leaves: feedback, report, action plan, progress review
  // -------------------

  /** A point of the feedback. */
  public record FeedbackRequest(
      @NotNull(message = "choose strength, area to consider or recommendation")
          FeedbackPoint.Kind kind,
      @NotBlank(message = "write the point") @Size(max = 2000) String text) {}

  /** A point of the feedback as everyone sees it (never who wrote it: the team speaks as one). */
  public record FeedbackView(UUID id, FeedbackPoint.Kind kind, String text) {

    static FeedbackView of(FeedbackPoint p) {
      return new FeedbackView(p.id(), p.kind(), p.text());
    }
  }

  @GET
  @Path("{id}/feedback")
  @RequiresPermission(PeerChallengePlugin.READ)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public List<FeedbackView> feedback(@PathParam("id") String id) {
    return outputs.feedback(uuid(id)).stream().map(FeedbackView::of).toList();
  }

  @POST
  @Path("{id}/feedback")
  @RequiresPermission(PeerChallengePlugin.READ)
  public Response addFeedback(
      @PathParam("id") String id,
      @NotNull(message = "send the point as JSON") @Valid FeedbackRequest request) {
    FeedbackPoint point = outputs.addFeedback(uuid(id), request.kind(), request.text().strip());
    return Response.status(Response.Status.CREATED).entity(FeedbackView.of(point)).build();
  }

  /** New words for a point. */
  public record RewordRequest(
      @NotBlank(message = "write the point") @Size(max = 2000) String text) {}

  @PUT
  @Path("{id}/feedback/{point}")
  @RequiresPermission(PeerChallengePlugin.READ)
  public FeedbackView reword(
      @PathParam("id") String id,
      @PathParam("point") String point,
      @NotNull(message = "send the point as JSON") @Valid RewordRequest request) {
    return FeedbackView.of(outputs.reword(uuid(id), uuid(point), request.text().strip()));
  }

  /** The report's text. */
  public record ReportRequest(
      @NotBlank(message = "write the report") @Size(max = 100000) String text) {}

  /** The report: released to the host or still the team's draft. */
  public record ReportView(String text, Instant releasedAt, String progressReview) {

    static ReportView of(Challenge c) {
      return new ReportView(c.reportText(), c.reportReleasedAt(), c.progressReview());
    }
  }

  @GET
  @Path("{id}/report")
  @RequiresPermission(PeerChallengePlugin.READ)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public ReportView report(@PathParam("id") String id) {
    return ReportView.of(outputs.report(uuid(id)));
  }

  @PUT
  @Path("{id}/report")
  @RequiresPermission(PeerChallengePlugin.READ)
  public ReportView draftReport(
      @PathParam("id") String id,
      @NotNull(message = "send the report as JSON") @Valid ReportRequest request) {
    return ReportView.of(outputs.draftReport(uuid(id), request.text().strip()));
  }

  @POST
  @Path("{id}/report/release")
  @RequiresPermission(PeerChallengePlugin.READ)
  public ReportView releaseReport(@PathParam("id") String id) {
    return ReportView.of(outputs.releaseReport(uuid(id)));
  }

  @PUT
  @Path("{id}/progress-review")
  @RequiresPermission(PeerChallengePlugin.READ)
  public ReportView reviewProgress(
      @PathParam("id") String id,
      @NotNull(message = "send the review as JSON") @Valid ReportRequest request) {
    return ReportView.of(outputs.reviewProgress(uuid(id), request.text().strip()));
  }

  /** An action of the host's plan. */
  public record ActionRequest(
      @NotBlank(message = "quote the recommendation it answers") @Size(max = 2000)
          String recommendation,
      @NotBlank(message = "say what will be done") @Size(max = 2000) String action,
      @NotBlank(message = "say who owns it") @Size(max = 200) String owner,
      @NotNull(message = "give the date it is due") LocalDate dueOn) {}

  /** How an action is going. */
  public record ProgressRequest(
      @NotNull(message = "choose not started, in progress or done") PlannedAction.Status status,
      @Size(max = 4000) String progress) {}

  /** An action as everyone with a standing on the challenge sees it. */
  public record ActionView(
      UUID id,
      String recommendation,
      String action,
      String owner,
      LocalDate dueOn,
      PlannedAction.Status status,
      String progress) {

    static ActionView of(PlannedAction a) {
      return new ActionView(
          a.id(), a.recommendation(), a.action(), a.owner(), a.dueOn(), a.status(), a.progress());
    }
  }

  @GET
  @Path("{id}/actions")
  @RequiresPermission(PeerChallengePlugin.READ)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public List<ActionView> actions(@PathParam("id") String id) {
    return outputs.actions(uuid(id)).stream().map(ActionView::of).toList();
  }

  @POST
  @Path("{id}/actions")
  @RequiresPermission(PeerChallengePlugin.ACTION_PLAN)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public Response addAction(
      @PathParam("id") String id,
      @NotNull(message = "send the action as JSON") @Valid ActionRequest request) {
    PlannedAction action =
        outputs.addAction(
            uuid(id),
            request.recommendation().strip(),
            request.action().strip(),
            request.owner().strip(),
            request.dueOn());
    return Response.status(Response.Status.CREATED).entity(ActionView.of(action)).build();
  }

  @PUT
  @Path("{id}/actions/{action}")
  @RequiresPermission(PeerChallengePlugin.ACTION_PLAN)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public ActionView progress(
      @PathParam("id") String id,
      @PathParam("action") String action,
      @NotNull(message = "send the progress as JSON") @Valid ProgressRequest request) {
    return ActionView.of(
        outputs.progress(
            uuid(id),
            uuid(action),
            request.status(),
            request.progress() == null ? null : request.progress().strip()));
  }

  // --- the team's days ---------------------------------------------------------------------------

  /** What a day was. */
  public record DayRequest(
      @NotNull(message = "choose what the day was spent on") DayPart part, boolean halfDay) {}

  /** A day a team member gave. */
  public record DayView(UUID memberId, LocalDate day, DayPart part, boolean halfDay) {

    static DayView of(TeamDay d) {
      return new DayView(d.memberId(), d.day(), d.part(), d.halfDay());
    }
  }

  @PUT
  @Path("{id}/days/{member}/{day}")
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public DayView recordDay(
      @PathParam("id") String id,
      @PathParam("member") String member,
      @PathParam("day") String day,
      @NotNull(message = "send the day as JSON") @Valid DayRequest request) {
    LocalDate date;
    try {
      date = LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw new NotFound("This day");
    }
    return DayView.of(
        teamDays.record(uuid(id), uuid(member), date, request.part(), request.halfDay()));
  }

  @GET
  @Path("{id}/days")
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public List<DayView> days(@PathParam("id") String id) {
    return teamDays.days(uuid(id)).stream().map(DayView::of).toList();
  }

  // ---------------------------------------------------------------------------------------------

  private ChallengeView view(Challenge challenge) {
    return new ChallengeView(
        challenge.id(),
        challenge.hostCouncil(),
        challenge.scope(),
        challenge.focusQuestion(),
        challenge.status(),
        challenge.dates(),
        challenge.retentionUntil(),
        challenge.evidenceErasedAt() != null,
        access.standing(challenge),
        challenges.lines(challenge.id()).stream()
            .map(l -> new LineView(l.id(), l.position(), l.title()))
            .toList(),
        challenges.namedTeam(challenge.id()).stream()
            .map(t -> new TeamView(t.memberId(), t.name(), t.role(), t.role().words()))
            .toList());
  }

  private static FindingView findingView(Finding finding, Triangulation triangulation) {
    return new FindingView(
        finding.id(),
        finding.lineId(),
        finding.judgement(),
        finding.text(),
        List.copyOf(triangulation.findings().getOrDefault(finding.id(), java.util.Set.of())),
        triangulation.triangulated(finding.id()));
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new NotFound("This record");
    }
  }
}
