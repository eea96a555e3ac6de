package org.roundtable.plugins.peerchallenge.pages;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.platform.Members;
import org.roundtable.api.security.GuestAccess;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.web.FormErrors;
import org.roundtable.api.web.FormFields;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.plugins.peerchallenge.PeerChallengePlugin;
import org.roundtable.plugins.peerchallenge.application.ChallengeAccess;
import org.roundtable.plugins.peerchallenge.application.Challenges;
import org.roundtable.plugins.peerchallenge.application.Evidence;
import org.roundtable.plugins.peerchallenge.application.Library;
import org.roundtable.plugins.peerchallenge.domain.Challenge;
import org.roundtable.plugins.peerchallenge.domain.Judgement;
import org.roundtable.plugins.peerchallenge.domain.LineOfEnquiry;
import org.roundtable.plugins.peerchallenge.domain.SourceType;
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
  @Inject Evidence evidence;
  @Inject Members members;
  @Inject TenantContext tenant;
  @Inject Models models;

  /** A challenge in the list. */
  public record Row(UUID id, String hostCouncil, String focusQuestion, String status) {}

  /** A team member, as every page lists them: name and part, in the order they joined. */
  public record TeamRow(String name, String part) {}

  /** A document of the library. */
  public record DocumentRow(UUID id, String title, String fileName, long kb) {}

  /** A note on the evidence page. */
  public record NoteRow(String line, String source, String judgement, String text) {}

  /** A line of the triangulation table. */
  public record GridRow(String line, List<Integer> counts, boolean thin) {}

  /** A finding and whether it is triangulated. */
  public record FindingRow(String text, String sources, boolean triangulated) {}

  @GET
  @RequiresPermission(PeerChallengePlugin.READ)
  public String list() {
    models.put(
        "challenges",
        challenges.visible().stream()
            .map(c -> new Row(c.id(), c.hostCouncil(), c.focusQuestion(), words(c)))
            .toList());
    models.put("pluginPath", PeerChallengePlugin.ID);
    return "peer-challenge/list.html";
  }

  @GET
  @Path("{id}")
  @RequiresPermission(PeerChallengePlugin.READ)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public String challenge(@PathParam("id") String id) {
    Challenge challenge = challenges.challenge(uuid(id));
    ChallengeAccess.Standing standing = access.standing(challenge);
    var team = challenges.team(challenge.id());
    Map<UUID, String> names =
        members.findAll(team.stream().map(t -> t.memberId()).toList()).entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().name()));
    models.put("challenge", challenge);
    models.put("status", words(challenge));
    models.put("lines", challenges.lines(challenge.id()));
    models.put(
        "team",
        team.stream()
            .map(
                t ->
                    new TeamRow(
                        names.getOrDefault(t.memberId(), "Someone who has left"), t.role().words()))
            .toList());
    models.put(
        "documents",
        library.documents(challenge.id()).stream()
            .map(
                d ->
                    new DocumentRow(
                        d.id(), d.title(), d.fileName(), Math.max(1, d.sizeBytes() / 1024)))
            .toList());
    models.put("onTeam", standing == ChallengeAccess.Standing.TEAM);
    models.put("pluginPath", PeerChallengePlugin.ID);
    return "peer-challenge/challenge.html";
  }

  /** A document of the library, always as a download. */
  @GET
  @Path("{id}/documents/{document}")
  @RequiresPermission(PeerChallengePlugin.READ)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public jakarta.ws.rs.core.Response document(
      @PathParam("id") String id, @PathParam("document") String document) {
    var found = library.document(uuid(id), uuid(document));
    return jakarta.ws.rs.core.Response.ok(found.content(), found.contentType())
        .header("Content-Disposition", "attachment; filename=\"" + found.fileName() + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header("Cache-Control", "private, no-store")
        .build();
  }

  @GET
  @Path("{id}/evidence")
  @RequiresPermission(PeerChallengePlugin.READ)
  public String evidencePage(@PathParam("id") String id, @QueryParam("done") String done) {
    Challenge challenge = access.forTeam(uuid(id));
    List<LineOfEnquiry> lines = challenges.lines(challenge.id());
    Map<UUID, String> titles =
        lines.stream().collect(Collectors.toMap(LineOfEnquiry::id, LineOfEnquiry::title));
    models.put("challenge", challenge);
    models.put("lines", lines);
    models.put("sources", Arrays.asList(SourceType.values()));
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
              UUID lineId = choice(line, "lineId", "choose the line of enquiry", errors);
              SourceType sourceType =
                  choice(
                      SourceType.class, source, "sourceType", "choose where it came from", errors);
              Judgement mark =
                  choice(
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
              evidence.write(uuid(id), lineId, sourceType, mark, text);
              return Redirect.to(
                  tenant.current(),
                  PeerChallengePlugin.ID + "/challenge/" + id + "/evidence",
                  "Note saved");
            },
            () -> evidencePage(id, null));
  }

  @GET
  @Path("{id}/triangulation")
  @RequiresPermission(PeerChallengePlugin.READ)
  public String triangulation(@PathParam("id") String id) {
    Challenge challenge = access.forTeam(uuid(id));
    Triangulation t = evidence.triangulation(challenge.id());
    models.put("challenge", challenge);
    models.put("threshold", t.threshold());
    models.put("sources", Arrays.stream(SourceType.values()).map(SourceType::words).toList());
    models.put(
        "grid",
        challenges.lines(challenge.id()).stream()
            .map(
                l ->
                    new GridRow(
                        l.title(),
                        Arrays.stream(SourceType.values())
                            .map(s -> t.grid().get(l.id()).get(s))
                            .toList(),
                        t.thin(l.id())))
            .toList());
    models.put(
        "findings",
        evidence.findings(challenge.id()).stream()
            .map(
                f ->
                    new FindingRow(
                        f.text(),
                        t.findings().getOrDefault(f.id(), java.util.Set.of()).stream()
                            .map(SourceType::words)
                            .collect(Collectors.joining(", ")),
                        t.triangulated(f.id())))
            .toList());
    models.put("pluginPath", PeerChallengePlugin.ID);
    return "peer-challenge/triangulation.html";
  }

  private static String words(Challenge c) {
    String status = c.status().name().toLowerCase().replace('_', ' ');
    return Character.toUpperCase(status.charAt(0)) + status.substring(1);
  }

  private static UUID choice(String typed, String field, String message, FormErrors errors) {
    try {
      return UUID.fromString(typed);
    } catch (IllegalArgumentException e) {
      errors.add(field, message);
      return null;
    }
  }

  private static <E extends Enum<E>> E choice(
      Class<E> type, String typed, String field, String message, FormErrors errors) {
    try {
      return Enum.valueOf(type, typed);
    } catch (IllegalArgumentException e) {
      errors.add(field, message);
      return null;
    }
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFound("This challenge");
    }
  }
}
