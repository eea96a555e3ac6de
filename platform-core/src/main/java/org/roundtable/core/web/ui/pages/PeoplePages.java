package org.roundtable.core.web.ui.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.security.SignedIn;
import org.roundtable.api.web.FormFields;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.core.identity.AccessControl;
import org.roundtable.core.identity.Invitations;
import org.roundtable.core.identity.MemberRoles;
import org.roundtable.core.identity.Permissions;
import org.roundtable.core.identity.RoleRegistry;
import org.roundtable.core.identity.session.WebSessions;
import org.roundtable.core.member.ContactChannel;
import org.roundtable.core.member.Member;
import org.roundtable.core.member.MemberDetails;
import org.roundtable.core.member.MemberDirectory;
import org.roundtable.core.request.SessionCookies;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantBinding;
import org.roundtable.core.web.ui.PageFrames;

/**
 * The people taking part, for officers: the directory, adding someone (with or without an email
 * address), inviting them to sign in, and acting for someone who has no sign-in (assisted digital)
 * — shown on every page while it lasts and audited as done on their behalf.
 */
@Path("{tenant}/people")
@Controller
@RequestScoped
public class PeoplePages {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  @Inject Models models;
  @Inject MemberDirectory directory;
  @Inject AccessControl access;
  @Inject Invitations invitations;
  @Inject WebSessions sessions;
  @Inject MemberRoles memberRoles;
  @Inject RoleRegistry roleRegistry;
  @Inject org.roundtable.core.participation.PlatformParticipationRecords participation;
  @Context HttpServletRequest request;

  /** A row of the directory. */
  public record Row(String id, String name, String email, boolean signsIn) {}

  @GET
  @RequiresPermission(Permissions.MEMBERS_READ)
  public String list(@QueryParam("done") String done) {
    models.put(
        "people",
        directory.list(0, 500).stream()
            .map(
                m ->
                    new Row(
                        m.id().toString(), PageFrames.name(m), m.email(), m.subject().isPresent()))
            .toList());
    models.put("canWrite", access.holds(Permissions.MEMBERS_WRITE));
    models.put("canActFor", access.holds(Permissions.MEMBERS_ACT_FOR));
    models.put("done", done);
    return "people/list.html";
  }

  @GET
  @Path("new")
  @RequiresPermission(Permissions.MEMBERS_WRITE)
  public String addForm() {
    models.put("fullName", "");
    models.put("email", "");
    models.put("phone", "");
    return "people/new.html";
  }

  @POST
  @Path("new")
  @RequiresPermission(Permissions.MEMBERS_WRITE)
  public String add(MultivaluedMap<String, String> form) {
    String fullName = field(form, "fullName");
    String email = field(form, "email");
    String phone = field(form, "phone");
    models.put("fullName", fullName);
    models.put("email", email);
    models.put("phone", phone);
    return FormSubmission.of(models::put)
        .otherwiseOn("email")
        .submit(
            errors -> {
              if (fullName.isEmpty()) {
                errors.add("fullName", "Enter their full name");
              } else if (fullName.length() > 200) {
                errors.add("fullName", "Their full name must be 200 characters or fewer");
              }
              if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
                errors.add(
                    "email", "Enter an email address like name@example.org, or leave it empty");
              }
              if (phone.length() > 40) {
                errors.add("phone", "The phone number must be 40 characters or fewer");
              }
              errors.refuseIfAny();
              directory.add(
                  new MemberDetails(
                      fullName,
                      null,
                      email.isEmpty() ? null : email,
                      phone.isEmpty() ? null : phone,
                      null,
                      email.isEmpty() ? Set.of(ContactChannel.PHONE) : Set.of(ContactChannel.EMAIL),
                      Set.of(),
                      Set.of(),
                      null,
                      Set.of(),
                      false));
              return Redirect.to(tenant(), "people", fullName + " has been added");
            },
            () -> "people/new.html");
  }

  /** A role as the person's page shows it: held or not. */
  public record RoleChoice(String id, String name, String description, boolean held) {}

  /** A person's page: who they are, and the roles they hold (given and taken here). */
  @GET
  @Path("{id}")
  @RequiresPermission(Permissions.MEMBERS_READ)
  public String person(@PathParam("id") String id, @QueryParam("done") String done) {
    Member member = member(id);
    Set<String> held =
        member.subject().isPresent() ? memberRoles.of(currentTenant(), member) : Set.of("member");
    models.put(
        "person",
        new Row(
            member.id().toString(),
            PageFrames.name(member),
            member.email(),
            member.subject().isPresent()));
    models.put(
        "roles",
        roleRegistry.all().stream()
            .map(r -> new RoleChoice(r.id(), r.name(), r.description(), held.contains(r.id())))
            .toList());
    models.put("canWrite", access.holds(Permissions.MEMBERS_WRITE));
    models.put("canGiveRoles", access.holds(Permissions.MEMBERS_ROLES));
    models.put("takenPart", participation.ofMember(member.id(), 50));
    models.put("done", done);
    return "people/person.html";
  }

  /** Gives and takes roles so the person holds exactly those ticked. */
  @POST
  @Path("{id}/roles")
  @RequiresPermission(Permissions.MEMBERS_ROLES)
  public String changeRoles(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    Member member = member(id);
    Set<String> wanted =
        new LinkedHashSet<>(Optional.ofNullable(form.get("roles")).orElse(List.of()));
    return FormSubmission.of(models::put)
        .otherwiseOn("roles")
        .submit(
            errors -> {
              memberRoles.change(currentTenant(), member, wanted);
              return Redirect.to(
                  tenant(),
                  "people/" + member.id(),
                  PageFrames.name(member) + "'s roles have been saved");
            },
            () -> person(id, null));
  }

  @POST
  @Path("{id}/invitation")
  @RequiresPermission(Permissions.MEMBERS_WRITE)
  public String invite(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    List<String> chosen = Optional.ofNullable(form.get("roles")).orElse(List.of("member"));
    Member member = invitations.invite(member(id).id(), new LinkedHashSet<>(chosen));
    return Redirect.to(
        tenant(), "people", PageFrames.name(member) + " has been invited to sign in");
  }

  private org.roundtable.core.tenancy.Tenant currentTenant() {
    return (org.roundtable.core.tenancy.Tenant) request.getAttribute(Tenant.REQUEST_ATTRIBUTE);
  }

  @POST
  @Path("{id}/acting-for")
  @RequiresPermission(Permissions.MEMBERS_ACT_FOR)
  public String actFor(@PathParam("id") String id) {
    Member member = access.actFor(member(id).id());
    SessionCookies.value(request, SessionCookies.SESSION)
        .ifPresent(key -> sessions.actFor(key, Optional.of(member.id())));
    return Redirect.to(tenant(), "");
  }

  @POST
  @Path("acting-for/stop")
  @SignedIn
  public String stopActingFor() {
    SessionCookies.value(request, SessionCookies.SESSION)
        .ifPresent(key -> sessions.actFor(key, Optional.empty()));
    return Redirect.to(tenant(), "people");
  }

  private Member member(String id) {
    try {
      return directory.find(UUID.fromString(id)).orElseThrow(NotFoundException::new);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
  }

  private static String field(MultivaluedMap<String, String> form, String name) {
    return FormFields.text(form, name);
  }

  private static org.roundtable.api.tenancy.TenantRef tenant() {
    return TenantBinding.current().orElseThrow();
  }
}
