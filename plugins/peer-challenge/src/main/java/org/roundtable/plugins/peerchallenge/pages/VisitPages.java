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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.security.GuestAccess;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.time.UkTime;
import org.roundtable.api.web.FormFields;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.plugins.peerchallenge.PeerChallengePlugin;
import org.roundtable.plugins.peerchallenge.application.ChallengeAccess;
import org.roundtable.plugins.peerchallenge.application.Challenges;
import org.roundtable.plugins.peerchallenge.application.Schedule;
import org.roundtable.plugins.peerchallenge.application.TeamDays;
import org.roundtable.plugins.peerchallenge.domain.Challenge;
import org.roundtable.plugins.peerchallenge.domain.DayPart;
import org.roundtable.plugins.peerchallenge.domain.Session;

/**
 * The visit's page ({@code /{council}/peer-challenge/visit/{id}}), without JavaScript: the on-site
 * schedule, the same for everyone on the team and for the host's coordinators who arrange it (when,
 * what, where, how to get in, who goes); for whoever manages challenges, a form to add a session
 * (each team member going gets a calendar invitation) and the team's days, with a form to record
 * one (an expert by experience's day or half day becomes one claim in payments).
 */
@Controller
@RequestScoped
public class VisitPages {

  @Inject Challenges challenges;
  @Inject ChallengeAccess access;
  @Inject Schedule schedule;
  @Inject TeamDays teamDays;
  @Inject CurrentMember currentMember;
  @Inject TenantContext tenant;
  @Inject Models models;

  /** A session of the schedule as the page lists it. */
  public record SessionRow(
      Instant startsAt,
      Instant endsAt,
      String kind,
      String title,
      String place,
      String accessInfo,
      String going) {}

  /** A team member's access needs as they chose to share them. */
  public record NeedsRow(String name, String needs) {}

  /** A recorded day as the page lists it. */
  public record DayRow(String name, LocalDate day, String part) {}

  @GET
  @Path("{id}")
  @RequiresPermission(PeerChallengePlugin.READ)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public String visit(@PathParam("id") String id, @QueryParam("done") String done) {
    Challenge challenge = access.visible(PageChoices.challengeId(id));
    List<Challenges.Named> team = challenges.namedTeam(challenge.id());
    Map<UUID, String> names =
        team.stream()
            .collect(
                Collectors.toMap(Challenges.Named::memberId, Challenges.Named::name, (a, b) -> a));
    models.put("challenge", challenge);
    models.put(
        "sessions",
        schedule.sessions(challenge.id()).stream()
            .map(
                s ->
                    new SessionRow(
                        s.startsAt(),
                        s.endsAt(),
                        s.kind().words(),
                        s.title(),
                        s.place(),
                        s.accessInfo(),
                        schedule.going(s.id()).stream()
                            .map(m -> names.getOrDefault(m, "Someone who has left"))
                            .collect(Collectors.joining(", "))))
            .toList());
    boolean manages =
        !currentMember.isGuestOnly() && currentMember.hasPermission(PeerChallengePlugin.MANAGE);
    models.put("canManage", manages);
    if (manages) {
      models.put("team", team);
      models.put("kinds", Arrays.asList(Session.Kind.values()));
      models.put("parts", Arrays.asList(DayPart.values()));
      models.put(
          "days",
          teamDays.days(challenge.id()).stream()
              .map(
                  d ->
                      new DayRow(
                          names.getOrDefault(d.memberId(), "Someone who has left"),
                          d.day(),
                          d.part().words() + (d.halfDay() ? ", half day" : "")))
              .toList());
    }
    models.put("needs", needs(challenge));
    models.put("done", done);
    models.put("pluginPath", PeerChallengePlugin.ID);
    if (models.get("form") == null) {
      models.put("form", Map.of());
    }
    return "peer-challenge/visit.html";
  }

  /** Adds a session to the schedule; each team member going gets a calendar invitation. */
  @POST
  @Path("{id}/sessions")
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public String addSession(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String kind = FormFields.text(form, "kind");
    String title = FormFields.text(form, "title");
    String day = FormFields.text(form, "day");
    String from = FormFields.text(form, "from");
    String to = FormFields.text(form, "to");
    String place = FormFields.text(form, "place");
    String accessInfo = FormFields.text(form, "accessInfo");
    List<String> going = Optional.ofNullable(form.get("going")).orElse(List.of());
    return FormSubmission.of(models::put)
        .keeping(
            Map.of(
                "kind", kind,
                "title", title,
                "day", day,
                "from", from,
                "to", to,
                "place", place,
                "accessInfo", accessInfo))
        .otherwiseOn("title")
        .submit(
            errors -> {
              Session.Kind sessionKind =
                  PageChoices.chosen(
                      Session.Kind.class, kind, "kind", "choose what kind of session", errors);
              if (title.isBlank() || title.length() > 300) {
                errors.add("title", "give the session a title of up to 300 characters");
              }
              Optional<LocalDate> on = FormFields.day(day);
              if (on.isEmpty()) {
                errors.add("day", "give the day, like 2/6/2027");
              }
              Optional<LocalTime> starts = FormFields.time(from);
              Optional<LocalTime> ends = FormFields.time(to);
              if (starts.isEmpty()) {
                errors.add("from", "give the start, like 9:30 or 2pm");
              }
              if (ends.isEmpty()) {
                errors.add("to", "give the end, like 11:00 or 4pm");
              } else if (starts.isPresent() && !ends.get().isAfter(starts.get())) {
                errors.add("to", "the end must be after the start");
              }
              if (place.length() > 300) {
                errors.add("place", "keep the place to 300 characters");
              }
              if (accessInfo.length() > 1000) {
                errors.add("accessInfo", "keep the access information to 1,000 characters");
              }
              List<UUID> people =
                  going.stream()
                      .map(m -> PageChoices.chosen(m, "going", "choose people on the team", errors))
                      .toList();
              errors.refuseIfAny();
              schedule.add(
                  PageChoices.challengeId(id),
                  new Schedule.Details(
                      sessionKind,
                      title,
                      UkTime.at(on.get(), starts.get()),
                      UkTime.at(on.get(), ends.get()),
                      place.isEmpty() ? null : place,
                      accessInfo.isEmpty() ? null : accessInfo),
                  people);
              return back(id, "Session added: the team members going have their invitations");
            },
            () -> visit(id, null));
  }

  /**
   * Records a team member's day (again, if it changed). Nobody records their own; an expert by
   * experience's day becomes one claim.
   */
  @POST
  @Path("{id}/days")
  @RequiresPermission(PeerChallengePlugin.MANAGE)
  public String recordDay(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String member = FormFields.text(form, "memberId");
    String day = FormFields.text(form, "dayOn");
    String part = FormFields.text(form, "part");
    boolean half = "yes".equals(FormFields.text(form, "halfDay"));
    return FormSubmission.of(models::put)
        .keeping(Map.of("memberId", member, "dayOn", day, "part", part))
        .otherwiseOn("memberId")
        .submit(
            errors -> {
              UUID who = PageChoices.chosen(member, "memberId", "choose who gave the day", errors);
              Optional<LocalDate> on = FormFields.day(day);
              if (on.isEmpty()) {
                errors.add("dayOn", "give the day, like 2/6/2027");
              }
              DayPart dayPart =
                  PageChoices.chosen(
                      DayPart.class, part, "part", "choose what the day was for", errors);
              errors.refuseIfAny();
              teamDays.record(PageChoices.challengeId(id), who, on.get(), dayPart, half);
              return back(id, "Day recorded");
            },
            () -> visit(id, null));
  }

  /**
   * The team's access needs for whoever organises the visit (a manager, the challenge manager on
   * the team), each as the member shares it; null for everyone else.
   */
  private List<NeedsRow> needs(Challenge challenge) {
    try {
      return challenges.accessNeeds(challenge.id()).stream()
          .map(
              n ->
                  new NeedsRow(
                      n.name(),
                      n.needs()
                          .map(
                              shared -> {
                                List<String> words = new java.util.ArrayList<>(shared.needs());
                                if (shared.notes() != null && !shared.notes().isBlank()) {
                                  words.add(shared.notes());
                                }
                                return words.isEmpty() ? "None" : String.join("; ", words);
                              })
                          .orElse("Not shared")))
          .toList();
    } catch (org.roundtable.api.errors.NotFound notTheOrganiser) {
      return null;
    }
  }

  private String back(String id, String done) {
    return Redirect.to(tenant.current(), PeerChallengePlugin.ID + "/visit/" + id, done);
  }
}
