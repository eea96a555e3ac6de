package org.roundtable.plugins.peerchallenge.pages;

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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.platform.Guests;
import org.roundtable.api.platform.Members;
import org.roundtable.api.security.GuestAccess;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.web.FormErrors;
import org.roundtable.api.web.FormFields;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.api.web.Upload;
import org.roundtable.plugins.peerchallenge.PeerChallengePlugin;
import org.roundtable.plugins.peerchallenge.application.ChallengeAccess;
import org.roundtable.plugins.peerchallenge.application.Challenges;
import org.roundtable.plugins.peerchallenge.application.Evidence;
import org.roundtable.plugins.peerchallenge.application.Library;
import org.roundtable.plugins.peerchallenge.application.Outputs;
import org.roundtable.plugins.peerchallenge.domain.Challenge;
import org.roundtable.plugins.peerchallenge.domain.ChallengeDocument;
import org.roundtable.plugins.peerchallenge.domain.Debrief;
import org.roundtable.plugins.peerchallenge.domain.FeedbackPoint;
import org.roundtable.plugins.peerchallenge.domain.Judgement;
import org.roundtable.plugins.peerchallenge.domain.LineOfEnquiry;
import org.roundtable.plugins.peerchallenge.domain.PlannedAction;
import org.roundtable.plugins.peerchallenge.domain.Reading;
import org.roundtable.plugins.peerchallenge.domain.SourceType;
import org.roundtable.plugins.peerchallenge.domain.TeamRole;
import org.roundtable.plugins.peerchallenge.domain.Triangulation;

/**
 * The challenge's pages, all working without JavaScript: the list ({@code
 * /{council}/peer-challenge/}), a challenge ({@code …/challenge/{id}}: dates, lines of enquiry, the
 * team listed alike, the document library), and the team's own evidence page (a note written
 * quickly on a phone or laptop, the notes so far) and triangulation page (lines of enquiry by kind
 * of source, and the findings not yet triangulated, as a table). The host's coordinators reach
 * their challenge's page only.
 */
@Controller
@RequestScoped
public class ChallengePages {

  @Inject Challenges challenges;
  @Inject ChallengeAccess access;
  @Inject Library library;
  @Inject Outputs outputs;
  @Inject Evidence evidence;
  @Inject Members members;
  @Inject CurrentMember currentMember;
  @Inject TenantContext tenant;
  @Inject Models models;

  /** A challenge in the list. */
  public record Row(UUID id, String hostCouncil, String focusQuestion, String status) {}

  /** A team member, as every page lists them: name and part, in the order they joined. */
  public record TeamRow(String name, String part) {}

  /**
   * A document of the library; who on the team has read it (for the team and managers only, else
   * null) and whether the person looking has.
   */
  public record DocumentRow(
      UUID id,
      String title,
      String fileName,
      long kb,
      String easyReadOf,
      String readBy,
      boolean readByMe) {}

  /** A note on the evidence page. */
  public record NoteRow(String line, String source, String judgement, String text) {}

  /** A line of the triangulation table. */
  public record GridRow(String line, List<Integer> counts, boolean thin) {}

  /** A finding and whether it is triangulated. */
  public record FindingRow(UUID id, String text, String sources, boolean triangulated) {}

  /** A note as a finding's evidence form offers it: where it came from, and how it starts. */
  public record NoteChoice(UUID id, String label) {}

  @GET
  @RequiresPermission(PeerChallengePlugin.READ)
  public String list() {
    models.put(
        "challenges",
        challenges.visible().stream()
            .map(c -> new Row(c.id(), c.hostCouncil(), c.focusQuestion(), words(c)))
            .toList());
    models.put("canManage", canManage());
    models.put("pluginPath", PeerChallengePlugin.ID);
    if (models.get("form") == null) {
      models.put("form", Map.of());
    }
    return "peer-challenge/list.html";
  }

  @GET
  @Path("{id}")
  @RequiresPermission(PeerChallengePlugin.READ)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public String challenge(@PathParam("id") String id, @QueryParam("done") String done) {
    Challenge challenge = challenges.challenge(PageChoices.challengeId(id));
    ChallengeAccess.Standing standing = access.standing(challenge);
    models.put("challenge", challenge);
    models.put("status", words(challenge));
    models.put("lines", challenges.lines(challenge.id()));
    List<Challenges.Named> team = challenges.namedTeam(challenge.id());
    models.put("team", team.stream().map(t -> new TeamRow(t.name(), t.role().words())).toList());
    boolean seesLog =
        standing == ChallengeAccess.Standing.TEAM || standing == ChallengeAccess.Standing.MANAGER;
    Map<UUID, List<Reading>> log = seesLog ? library.readingLog(challenge.id()) : Map.of();
    Map<UUID, String> names =
        team.stream()
            .collect(
                Collectors.toMap(Challenges.Named::memberId, Challenges.Named::name, (a, b) -> a));
    UUID me = currentMember.signedInId().orElse(null);
    List<ChallengeDocument> held = library.documents(challenge.id());
    Map<UUID, String> titles =
        held.stream().collect(Collectors.toMap(ChallengeDocument::id, ChallengeDocument::title));
    models.put(
        "documents",
        held.stream()
            .map(
                d -> {
                  List<Reading> read = log.getOrDefault(d.id(), List.of());
                  return new DocumentRow(
                      d.id(),
                      d.title(),
                      d.fileName(),
                      Math.max(1, d.sizeBytes() / 1024),
                      d.easyReadOf() == null ? null : titles.get(d.easyReadOf()),
                      seesLog
                          ? read.stream()
                              .map(r -> names.getOrDefault(r.memberId(), "Someone who has left"))
                              .collect(Collectors.joining(", "))
                          : null,
                      read.stream().anyMatch(r -> r.memberId().equals(me)));
                })
            .toList());
    models.put("onTeam", standing == ChallengeAccess.Standing.TEAM);
    models.put("canManage", canManage());
    putOutputs(challenge, standing);
    models.put(
        "canUpload",
        standing == ChallengeAccess.Standing.GUEST
            || currentMember.hasPermission(PeerChallengePlugin.UPLOAD));
    if (canManage()) {
      models.put("people", members.list(0, 500));
      models.put("roles", Arrays.asList(TeamRole.values()));
    }
    models.put("done", done);
    models.put("pluginPath", PeerChallengePlugin.ID);
    if (models.get("form") == null) {
      models.put("form", Map.of());
    }
    return "peer-challenge/challenge.html";
  }

  /** The reading log: someone on the team has read a document. */
  @POST
  @Path("{id}/documents/{document}/read")
  @RequiresPermission(PeerChallengePlugin.READ)
  public String markRead(@PathParam("id") String id, @PathParam("document") String document) {
    library.markRead(
        PageChoices.challengeId(id), PageChoices.fromAddress(document, "This document"));
    return back(id, "Noted in the reading log");
  }

  @GET
  @Path("{id}/evidence")
  @RequiresPermission(PeerChallengePlugin.READ)
  public String evidencePage(@PathParam("id") String id, @QueryParam("done") String done) {
    Challenge challenge = access.forTeam(PageChoices.challengeId(id));
    List<LineOfEnquiry> lines = challenges.lines(challenge.id());
    Map<UUID, String> titles =
        lines.stream().collect(Collectors.toMap(LineOfEnquiry::id, LineOfEnquiry::title));
    models.put("challenge", challenge);
    models.put("lines", lines);
    models.put("sources", evidence.sourceTypes());
    models.put("judgements", Arrays.asList(Judgement.values()));
    List<NoteRow> notes =
        new java.util.ArrayList<>(
            evidence.notes(challenge.id()).stream()
                .map(
                    n ->
                        new NoteRow(
                            titles.getOrDefault(n.lineId(), ""),
                            n.sourceType().words(),
                            n.judgement().words(),
                            n.text()))
                .toList());
    java.util.Collections.reverse(notes); // the newest first
    models.put("notes", notes);
    List<Debrief> debriefs = new java.util.ArrayList<>(evidence.debriefs(challenge.id()));
    java.util.Collections.reverse(debriefs);
    models.put("debriefs", debriefs);
    models.put("done", done);
    models.put("pluginPath", PeerChallengePlugin.ID);
    if (models.get("form") == null) {
      models.put("form", Map.of());
    }
    return "peer-challenge/evidence.html";
  }

  @POST
  @Path("{id}/evidence")
  @RequiresPermission(PeerChallengePlugin.READ)
  public String writeNote(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String line = FormFields.text(form, "lineId");
    String source = FormFields.text(form, "sourceType");
    String judgement = FormFields.text(form, "judgement");
    String text = FormFields.text(form, "text");
    return FormSubmission.of(models::put)
        .keeping(Map.of("lineId", line, "sourceType", source, "judgement", judgement, "text", text))
        .otherwiseOn("text")
        .submit(
            errors -> {
              UUID lineId =
                  PageChoices.chosen(line, "lineId", "choose the line of enquiry", errors);
              SourceType sourceType =
                  PageChoices.chosen(
                      SourceType.class, source, "sourceType", "choose where it came from", errors);
              Judgement mark =
                  PageChoices.chosen(
                      Judgement.class,
                      judgement,
                      "judgement",
                      "say whether it is a strength or an area to consider",
                      errors);
              if (text.isBlank()) {
                errors.add("text", "write the note");
              } else if (text.length() > 4000) {
                errors.add("text", "keep the note to 4,000 characters");
              }
              errors.refuseIfAny();
              evidence.write(PageChoices.challengeId(id), lineId, sourceType, mark, text);
              return Redirect.to(
                  tenant.current(),
                  PeerChallengePlugin.ID + "/challenge/" + id + "/evidence",
                  "Note saved");
            },
            () -> evidencePage(id, null));
  }

  /** The team's debrief at the end of a day on site. */
  @POST
  @Path("{id}/debriefs")
  @RequiresPermission(PeerChallengePlugin.READ)
  public String writeDebrief(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String day = FormFields.text(form, "debriefDay");
    String text = FormFields.text(form, "debriefText");
    return FormSubmission.of(models::put)
        .keeping(Map.of("debriefDay", day, "debriefText", text))
        .field("text", "debriefText")
        .otherwiseOn("debriefText")
        .submit(
            errors -> {
              var on = FormFields.day(day);
              if (on.isEmpty()) {
                errors.add("debriefDay", "give the day, like 2/6/2027");
              }
              PageChoices.required(text, "debriefText", "write the debrief", 8000, errors);
              errors.refuseIfAny();
              evidence.debrief(PageChoices.challengeId(id), on.get(), text);
              return Redirect.to(
                  tenant.current(),
                  PeerChallengePlugin.ID + "/challenge/" + id + "/evidence",
                  "Debrief saved");
            },
            () -> evidencePage(id, null));
  }

  @GET
  @Path("{id}/triangulation")
  @RequiresPermission(PeerChallengePlugin.READ)
  public String triangulation(@PathParam("id") String id, @QueryParam("done") String done) {
    Challenge challenge = access.forTeam(PageChoices.challengeId(id));
    Triangulation t = evidence.triangulation(challenge.id());
    models.put("challenge", challenge);
    models.put("threshold", t.threshold());
    List<SourceType> kinds = evidence.sourceTypes();
    models.put("sources", kinds.stream().map(SourceType::words).toList());
    models.put(
        "grid",
        challenges.lines(challenge.id()).stream()
            .map(
                l ->
                    new GridRow(
                        l.title(),
                        kinds.stream().map(s -> t.grid().get(l.id()).get(s)).toList(),
                        t.thin(l.id())))
            .toList());
    models.put(
        "findings",
        evidence.findings(challenge.id()).stream()
            .map(
                f ->
                    new FindingRow(
                        f.id(),
                        f.text(),
                        t.findings().getOrDefault(f.id(), java.util.Set.of()).stream()
                            .map(SourceType::words)
                            .collect(Collectors.joining(", ")),
                        t.triangulated(f.id())))
            .toList());
    List<LineOfEnquiry> lines = challenges.lines(challenge.id());
    Map<UUID, String> titles =
        lines.stream().collect(Collectors.toMap(LineOfEnquiry::id, LineOfEnquiry::title));
    models.put("lines", lines);
    models.put("judgements", Arrays.asList(Judgement.values()));
    models.put(
        "notes",
        evidence.notes(challenge.id()).stream()
            .map(
                n ->
                    new NoteChoice(
                        n.id(),
                        n.sourceType().words()
                            + " · "
                            + titles.getOrDefault(n.lineId(), "")
                            + ": "
                            + (n.text().length() > 120
                                ? n.text().substring(0, 119) + "…"
                                : n.text())))
            .toList());
    models.put("done", done);
    models.put("pluginPath", PeerChallengePlugin.ID);
    if (models.get("form") == null) {
      models.put("form", Map.of());
    }
    return "peer-challenge/triangulation.html";
  }

  /** A finding drafted by the team, with the notes that support it so far. */
  @POST
  @Path("{id}/findings")
  @RequiresPermission(PeerChallengePlugin.READ)
  public String draftFinding(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String line = FormFields.text(form, "findingLine");
    String judgement = FormFields.text(form, "findingJudgement");
    String text = FormFields.text(form, "findingText");
    List<String> notes = Optional.ofNullable(form.get("notes")).orElse(List.of());
    return FormSubmission.of(models::put)
        .keeping(Map.of("findingLine", line, "findingJudgement", judgement, "findingText", text))
        .field("text", "findingText")
        .field("lineId", "findingLine")
        .otherwiseOn("findingText")
        .submit(
            errors -> {
              UUID lineId =
                  PageChoices.chosen(line, "findingLine", "choose the line of enquiry", errors);
              Judgement mark =
                  PageChoices.chosen(
                      Judgement.class,
                      judgement,
                      "findingJudgement",
                      "say whether it is a strength or an area to consider",
                      errors);
              PageChoices.required(text, "findingText", "write the finding", 2000, errors);
              List<UUID> supporting =
                  notes.stream()
                      .map(
                          n ->
                              PageChoices.chosen(
                                  n, "notes", "choose notes of this challenge", errors))
                      .toList();
              errors.refuseIfAny();
              evidence.draft(PageChoices.challengeId(id), lineId, mark, text, supporting);
              return toTriangulation(id, "Finding drafted");
            },
            () -> triangulation(id, null));
  }

  /** More notes that support a finding. */
  @POST
  @Path("{id}/findings/{finding}/evidence")
  @RequiresPermission(PeerChallengePlugin.READ)
  public String supportFinding(
      @PathParam("id") String id,
      @PathParam("finding") String finding,
      MultivaluedMap<String, String> form) {
    List<String> notes = Optional.ofNullable(form.get("notes")).orElse(List.of());
    String field = "notes-" + finding;
    return FormSubmission.of(models::put)
        .keeping(Map.of())
        .field("notes", field)
        .otherwiseOn(field)
        .submit(
            errors -> {
              if (notes.isEmpty()) {
                errors.add(field, "choose the notes that support it");
              }
              List<UUID> supporting =
                  notes.stream()
                      .map(
                          n ->
                              PageChoices.chosen(
                                  n, field, "choose notes of this challenge", errors))
                      .toList();
              errors.refuseIfAny();
              evidence.support(
                  PageChoices.challengeId(id),
                  PageChoices.fromAddress(finding, "This finding"),
                  supporting);
              return toTriangulation(id, "Evidence linked to the finding");
            },
            () -> triangulation(id, null));
  }

  private String toTriangulation(String id, String done) {
    return Redirect.to(
        tenant.current(), PeerChallengePlugin.ID + "/challenge/" + id + "/triangulation", done);
  }

  /** Sets a challenge up: the host, its scope and question, the days on site. */
  @POST
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public String create(MultivaluedMap<String, String> form) {
    String host = FormFields.text(form, "hostCouncil");
    String scope = FormFields.text(form, "scope");
    String question = FormFields.text(form, "focusQuestion");
    String from = FormFields.text(form, "onSiteFrom");
    String to = FormFields.text(form, "onSiteTo");
    String scoping = FormFields.text(form, "scopingMeetingOn");
    String reportDue = FormFields.text(form, "reportDueOn");
    String review = FormFields.text(form, "progressReviewOn");
    return FormSubmission.of(models::put)
        .keeping(
            Map.of(
                "hostCouncil", host,
                "scope", scope,
                "focusQuestion", question,
                "onSiteFrom", from,
                "onSiteTo", to,
                "scopingMeetingOn", scoping,
                "reportDueOn", reportDue,
                "progressReviewOn", review))
        .submit(
            errors -> {
              PageChoices.required(host, "hostCouncil", "name the host council", 200, errors);
              PageChoices.required(scope, "scope", "describe the scope", 4000, errors);
              PageChoices.required(
                  question, "focusQuestion", "write the focus question", 1000, errors);
              var first = FormFields.day(from);
              var last = FormFields.day(to);
              if (first.isEmpty()) {
                errors.add("onSiteFrom", "give the first day on site, like 1/6/2027");
              }
              if (last.isEmpty()) {
                errors.add("onSiteTo", "give the last day on site, like 4/6/2027");
              }
              LocalDate scopingOn = optionalDay(scoping, "scopingMeetingOn", errors);
              LocalDate reportOn = optionalDay(reportDue, "reportDueOn", errors);
              LocalDate reviewOn = optionalDay(review, "progressReviewOn", errors);
              errors.refuseIfAny();
              Challenge challenge =
                  challenges.create(
                      host,
                      scope,
                      question,
                      new Challenge.Dates(
                          scopingOn, first.get(), last.get(), last.get(), reportOn, reviewOn));
              return Redirect.to(
                  tenant.current(),
                  PeerChallengePlugin.ID + "/challenge/" + challenge.id(),
                  "Challenge set up: add its lines of enquiry and team");
            },
            this::list);
  }

  @POST
  @Path("{id}/lines")
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public String addLine(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String title = FormFields.text(form, "lineTitle");
    return FormSubmission.of(models::put)
        .keeping(Map.of("lineTitle", title))
        .field("title", "lineTitle")
        .submit(
            errors -> {
              PageChoices.required(title, "lineTitle", "write the line of enquiry", 300, errors);
              errors.refuseIfAny();
              challenges.addLine(PageChoices.challengeId(id), title);
              return back(id, "Line of enquiry added");
            },
            () -> challenge(id, null));
  }

  @POST
  @Path("{id}/team")
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public String addToTeam(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String member = FormFields.text(form, "memberId");
    String role = FormFields.text(form, "role");
    return FormSubmission.of(models::put)
        .keeping(Map.of("memberId", member, "role", role))
        .otherwiseOn("memberId")
        .submit(
            errors -> {
              UUID who =
                  PageChoices.chosen(member, "memberId", "choose who joins the team", errors);
              TeamRole part =
                  PageChoices.chosen(TeamRole.class, role, "role", "choose their part", errors);
              errors.refuseIfAny();
              challenges.addToTeam(PageChoices.challengeId(id), who, part);
              return back(id, "Added to the team");
            },
            () -> challenge(id, null));
  }

  @POST
  @Path("{id}/coordinators")
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public String inviteCoordinator(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String name = FormFields.text(form, "fullName");
    String email = FormFields.text(form, "email");
    String organisation = FormFields.text(form, "organisation");
    return FormSubmission.of(models::put)
        .keeping(Map.of("fullName", name, "email", email, "organisation", organisation))
        .otherwiseOn("email")
        .submit(
            errors -> {
              PageChoices.required(name, "fullName", "enter their name", 200, errors);
              PageChoices.required(email, "email", "enter their email address", 254, errors);
              errors.refuseIfAny();
              challenges.inviteHostCoordinator(
                  PageChoices.challengeId(id), new Guests.Invitation(name, email, organisation));
              return back(id, "Invitation sent to " + name);
            },
            () -> challenge(id, null));
  }

  /** Adds a document to the library: the host's coordinators and the team. */
  @POST
  @Path("{id}/documents")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RequiresPermission(PeerChallengePlugin.UPLOAD)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public String upload(
      @PathParam("id") String id,
      @FormParam("documentTitle") String title,
      @FormParam("kind") String kind,
      @FormParam("easyReadOf") String easyReadOf,
      @FormParam("document") EntityPart file)
      throws java.io.IOException {
    String documentTitle = title == null ? "" : title.strip();
    Optional<Upload> upload = Upload.read(file, Library.LARGEST);
    return FormSubmission.of(models::put)
        .keeping(Map.of("documentTitle", documentTitle))
        .field("file", "document")
        .field("title", "documentTitle")
        .otherwiseOn("document")
        .submit(
            errors -> {
              PageChoices.required(
                  documentTitle, "documentTitle", "give the document a title", 300, errors);
              ChallengeDocument.Kind documentKind =
                  PageChoices.chosen(
                      ChallengeDocument.Kind.class, kind, "kind", "choose what it is", errors);
              UUID summaryOf =
                  easyReadOf == null || easyReadOf.isBlank()
                      ? null
                      : PageChoices.chosen(
                          easyReadOf, "easyReadOf", "choose a document of this challenge", errors);
              if (upload.isEmpty()) {
                errors.add("document", "choose the file");
              } else if (upload.get().tooLarge()) {
                errors.add("document", "the file is larger than 20 MB");
              }
              errors.refuseIfAny();
              library.add(
                  PageChoices.challengeId(id),
                  documentTitle,
                  documentKind,
                  summaryOf,
                  upload.get().fileName(),
                  upload.get().mediaType(),
                  upload.get().content());
              return back(id, "Document added");
            },
            () -> challenge(id, null));
  }

  /** A point of the feedback on the page. */
  public record PointRow(UUID id, String kind, String text) {}

  /** An action of the host's plan on the page. */
  public record ActionRow(
      UUID id,
      String recommendation,
      String action,
      String owner,
      java.time.LocalDate dueOn,
      String status,
      String progress) {}

  /**
   * What the challenge has left so far, as far as this person may see it: the feedback (the host
   * from the feedback day), the report (the host once released), the action plan.
   */
  private void putOutputs(Challenge challenge, ChallengeAccess.Standing standing) {
    List<PointRow> points;
    try {
      points =
          outputs.feedback(challenge.id()).stream()
              .map(p -> new PointRow(p.id(), kindWords(p.kind()), p.text()))
              .toList();
    } catch (NotFound notYet) {
      points = List.of();
    }
    models.put("feedback", points);
    String report;
    try {
      report = outputs.report(challenge.id()).reportText();
    } catch (NotFound notYet) {
      report = null;
    }
    models.put("report", report);
    models.put("reportReleased", challenge.reportReleasedAt() != null);
    models.put(
        "actions",
        outputs.actions(challenge.id()).stream()
            .map(
                a ->
                    new ActionRow(
                        a.id(),
                        a.recommendation(),
                        a.action(),
                        a.owner(),
                        a.dueOn(),
                        a.status().name().replace('_', ' ').toLowerCase(),
                        a.progress()))
            .toList());
    models.put(
        "ownsPlan",
        challenge.reportReleasedAt() != null
            && (standing == ChallengeAccess.Standing.GUEST
                || standing == ChallengeAccess.Standing.MANAGER));
    models.put("statuses", Arrays.asList(PlannedAction.Status.values()));
    models.put("progressReview", challenge.progressReview());
  }

  private static String kindWords(FeedbackPoint.Kind kind) {
    return switch (kind) {
      case STRENGTH -> "Strength";
      case AREA_TO_CONSIDER -> "Area to consider";
      case RECOMMENDATION -> "Recommendation";
    };
  }

  @POST
  @Path("{id}/feedback")
  @RequiresPermission(PeerChallengePlugin.READ)
  public String addFeedback(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String kind = FormFields.text(form, "pointKind");
    String text = FormFields.text(form, "pointText");
    return FormSubmission.of(models::put)
        .keeping(Map.of("pointKind", kind, "pointText", text))
        .otherwiseOn("pointText")
        .submit(
            errors -> {
              FeedbackPoint.Kind pointKind =
                  PageChoices.chosen(
                      FeedbackPoint.Kind.class,
                      kind,
                      "pointKind",
                      "choose the kind of point",
                      errors);
              PageChoices.required(text, "pointText", "write the point", 2000, errors);
              errors.refuseIfAny();
              outputs.addFeedback(PageChoices.challengeId(id), pointKind, text);
              return back(id, "Point added to the feedback");
            },
            () -> challenge(id, null));
  }

  /** Rewords a point of the feedback: anyone on the team, whoever wrote it first. */
  @POST
  @Path("{id}/feedback/{point}")
  @RequiresPermission(PeerChallengePlugin.READ)
  public String rewordPoint(
      @PathParam("id") String id,
      @PathParam("point") String point,
      MultivaluedMap<String, String> form) {
    String text = FormFields.text(form, "reworded");
    String field = "reworded-" + point;
    return FormSubmission.of(models::put)
        .keeping(Map.of(field, text))
        .field("text", field)
        .otherwiseOn(field)
        .submit(
            errors -> {
              PageChoices.required(text, field, "write the point", 2000, errors);
              errors.refuseIfAny();
              outputs.reword(
                  PageChoices.challengeId(id), PageChoices.fromAddress(point, "This point"), text);
              return back(id, "Point reworded");
            },
            () -> challenge(id, null));
  }

  @POST
  @Path("{id}/report")
  @RequiresPermission(PeerChallengePlugin.READ)
  public String draftReport(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String text = FormFields.text(form, "reportText");
    return FormSubmission.of(models::put)
        .keeping(Map.of("reportText", text))
        .field("text", "reportText")
        .otherwiseOn("reportText")
        .submit(
            errors -> {
              PageChoices.required(text, "reportText", "write the report", 100_000, errors);
              errors.refuseIfAny();
              outputs.draftReport(PageChoices.challengeId(id), text);
              return back(id, "Report saved");
            },
            () -> challenge(id, null));
  }

  @POST
  @Path("{id}/report/release")
  @RequiresPermission(PeerChallengePlugin.READ)
  public String releaseReport(@PathParam("id") String id) {
    return FormSubmission.of(models::put)
        .keeping(Map.of())
        .otherwiseOn("reportText")
        .submit(
            errors -> {
              outputs.releaseReport(PageChoices.challengeId(id));
              return back(id, "Report released to the host");
            },
            () -> challenge(id, null));
  }

  @POST
  @Path("{id}/actions")
  @RequiresPermission(PeerChallengePlugin.ACTION_PLAN)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public String addAction(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String recommendation = FormFields.text(form, "recommendation");
    String action = FormFields.text(form, "action");
    String owner = FormFields.text(form, "owner");
    String due = FormFields.text(form, "dueOn");
    return FormSubmission.of(models::put)
        .keeping(
            Map.of(
                "recommendation", recommendation, "action", action, "owner", owner, "dueOn", due))
        .otherwiseOn("action")
        .submit(
            errors -> {
              PageChoices.required(
                  recommendation, "recommendation", "quote the recommendation", 2000, errors);
              PageChoices.required(action, "action", "say what will be done", 2000, errors);
              PageChoices.required(owner, "owner", "say who owns it", 200, errors);
              var dueOn = FormFields.day(due);
              if (dueOn.isEmpty()) {
                errors.add("dueOn", "give the date it is due, like 1/12/2027");
              }
              errors.refuseIfAny();
              outputs.addAction(
                  PageChoices.challengeId(id), recommendation, action, owner, dueOn.get());
              return back(id, "Action added to the plan");
            },
            () -> challenge(id, null));
  }

  /** How an action of the plan is going: the host's coordinators or whoever manages challenges. */
  @POST
  @Path("{id}/progress")
  @RequiresPermission(PeerChallengePlugin.ACTION_PLAN)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public String recordProgress(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String action = FormFields.text(form, "actionId");
    String status = FormFields.text(form, "status");
    String note = FormFields.text(form, "progressNote");
    return FormSubmission.of(models::put)
        .keeping(Map.of("actionId", action, "status", status, "progressNote", note))
        .otherwiseOn("progressNote")
        .submit(
            errors -> {
              UUID actionId = PageChoices.chosen(action, "actionId", "choose the action", errors);
              PlannedAction.Status progress =
                  PageChoices.chosen(
                      PlannedAction.Status.class,
                      status,
                      "status",
                      "choose how it is going",
                      errors);
              if (note.length() > 2000) {
                errors.add("progressNote", "keep it to 2000 characters");
              }
              errors.refuseIfAny();
              outputs.progress(
                  PageChoices.challengeId(id), actionId, progress, note.isEmpty() ? null : note);
              return back(id, "Progress recorded");
            },
            () -> challenge(id, null));
  }

  /** What the team found at the progress review, months after the report. */
  @POST
  @Path("{id}/progress-review")
  @RequiresPermission(PeerChallengePlugin.READ)
  public String reviewProgress(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String text = FormFields.text(form, "reviewText");
    return FormSubmission.of(models::put)
        .keeping(Map.of("reviewText", text))
        .field("text", "reviewText")
        .otherwiseOn("reviewText")
        .submit(
            errors -> {
              PageChoices.required(
                  text, "reviewText", "write what the review found", 20_000, errors);
              errors.refuseIfAny();
              outputs.reviewProgress(PageChoices.challengeId(id), text);
              return back(id, "Progress review saved");
            },
            () -> challenge(id, null));
  }

  /** A date that may be left out; typed, it must be a real one. */
  private static LocalDate optionalDay(String typed, String field, FormErrors errors) {
    if (typed.isBlank()) {
      return null;
    }
    var day = FormFields.day(typed);
    if (day.isEmpty()) {
      errors.add(field, "give a real date, like 1/7/2027, or leave it out");
    }
    return day.orElse(null);
  }

  private String back(String id, String done) {
    return Redirect.to(tenant.current(), PeerChallengePlugin.ID + "/challenge/" + id, done);
  }

  private boolean canManage() {
    return !currentMember.isGuestOnly() && currentMember.hasPermission(PeerChallengePlugin.MANAGE);
  }

  private static String words(Challenge c) {
    String status = c.status().name().toLowerCase().replace('_', ' ');
    return Character.toUpperCase(status.charAt(0)) + status.substring(1);
  }
}
