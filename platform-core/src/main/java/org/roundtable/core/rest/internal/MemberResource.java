package org.roundtable.core.rest.internal;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.roundtable.api.personaldata.PersonalDataHandler;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.identity.MemberRoles;
import org.roundtable.core.identity.Permissions;
import org.roundtable.core.identity.RoleRegistry;
import org.roundtable.core.member.AccessNeed;
import org.roundtable.core.member.ContactChannel;
import org.roundtable.core.member.Format;
import org.roundtable.core.member.LivedExperience;
import org.roundtable.core.member.Member;
import org.roundtable.core.member.MemberDetails;
import org.roundtable.core.member.MemberDirectory;
import org.roundtable.core.request.ProblemException;
import org.roundtable.core.request.ProblemType;
import org.roundtable.core.tenancy.Tenant;

/** The council's members: people who take part, and the officers who support them. */
@Path("v1/{tenant}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

  @Inject MemberRoles memberRoles;
  @Inject RoleRegistry roleRegistry;
  @jakarta.ws.rs.core.Context jakarta.servlet.http.HttpServletRequest servletRequest;
  @Inject MemberDirectory directory;
  @Inject org.roundtable.core.identity.Invitations invitations;
  @Inject org.roundtable.core.personaldata.PersonalDataExport export;
  @Inject CurrentCaller currentCaller;
  @Context UriInfo uriInfo;

  /** A member as the API shows it. */
  public record MemberView(
      UUID id,
      String fullName,
      String preferredName,
      String email,
      String phone,
      String postalAddress,
      Set<ContactChannel> contactChannels,
      Set<Format> formats,
      Set<AccessNeed> accessNeeds,
      String accessNotes,
      Set<LivedExperience> livedExperience,
      boolean livedExperienceConsent,
      long version,
      Instant createdAt,
      Instant updatedAt) {

    static MemberView of(Member member) {
      MemberDetails d = member.details();
      return new MemberView(
          member.id(),
          d.fullName(),
          d.preferredName(),
          d.email(),
          d.phone(),
          d.postalAddress(),
          d.contactChannels(),
          d.formats(),
          d.accessNeeds(),
          d.accessNotes(),
          d.livedExperience(),
          d.livedExperienceConsent(),
          member.version(),
          member.createdAt(),
          member.updatedAt());
    }
  }

  /**
   * What a caller sends to add or change a member. A class, not a record: Payara's OpenAPI scanner
   * fails on validation annotations of record components.
   */
  public static class MemberRequest {
    @NotBlank(message = "enter the person's full name")
    @Size(max = 200)
    public String fullName;

    @Size(max = 100)
    public String preferredName;

    @Email(message = "enter an email address like name@example.org")
    @Size(max = 254)
    public String email;

    @Size(max = 40)
    public String phone;

    @Size(max = 500)
    public String postalAddress;

    public Set<@NotNull ContactChannel> contactChannels;
    public Set<@NotNull Format> formats;
    public Set<@NotNull AccessNeed> accessNeeds;

    @Size(max = 2000)
    public String accessNotes;

    public Set<@NotNull LivedExperience> livedExperience;
    public boolean livedExperienceConsent;

    MemberDetails toDetails() {
      return new MemberDetails(
          fullName,
          preferredName,
          email,
          phone,
          postalAddress,
          orEmpty(contactChannels),
          orEmpty(formats),
          orEmpty(accessNeeds),
          accessNotes,
          orEmpty(livedExperience),
          livedExperienceConsent);
    }

    private static <T> Set<T> orEmpty(Set<T> values) {
      return values == null ? Set.of() : values;
    }
  }

  @POST
  @RequiresPermission(Permissions.MEMBERS_WRITE)
  @Operation(summary = "Add a member (an officer adds people before they ever sign in)")
  @APIResponse(responseCode = "201", description = "Added; Location names the new member")
  @APIResponse(responseCode = "400", description = "Some fields are not valid")
  @APIResponse(responseCode = "409", description = "Another member already has that email")
  public Response add(@NotNull(message = "send the member as JSON") @Valid MemberRequest request) {
    Member member = directory.add(request.toDetails());
    return Response.created(uriInfo.getAbsolutePathBuilder().path(member.id().toString()).build())
        .tag(etag(member))
        .entity(MemberView.of(member))
        .build();
  }

  @GET
  @RequiresPermission(Permissions.MEMBERS_READ)
  @Operation(summary = "List the council's members, by name")
  public List<MemberView> list(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    // Checked by hand: Payara's OpenAPI generator fails on @Min/@Max on query parameters.
    return directory
        .list(
            ProblemException.inRange("offset", offset, 0, Integer.MAX_VALUE),
            ProblemException.inRange("limit", limit, 1, 200))
        .stream()
        .map(MemberView::of)
        .toList();
  }

  @GET
  @Path("{id}/personal-data")
  @RequiresPermission(Permissions.MEMBERS_READ)
  @Operation(
      summary = "Everything held about a member (subject access request)",
      description = "Their record and what each installed plugin holds about them; audited.")
  public jakarta.json.JsonObject personalData(@PathParam("id") String id) {
    UUID memberId = parseId(id);
    Member member =
        directory.find(memberId).orElseThrow(() -> ProblemException.notFound("This member"));
    return export.export(
        memberId, asJson(MemberView.of(member)), PersonalDataHandler.Audience.OFFICER);
  }

  static jakarta.json.JsonObject asJson(Object value) {
    try (jakarta.json.bind.Jsonb jsonb = jakarta.json.bind.JsonbBuilder.create();
        var reader = JSON.createReader(new java.io.StringReader(jsonb.toJson(value)))) {
      return reader.readObject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @GET
  @Path("{id}")
  @RequiresPermission(Permissions.MEMBERS_READ)
  @Operation(summary = "One member")
  @APIResponse(responseCode = "404", description = "No such member in this council")
  public Response get(@PathParam("id") String id) {
    Member member =
        directory.find(parseId(id)).orElseThrow(() -> ProblemException.notFound("This member"));
    return Response.ok(MemberView.of(member)).tag(etag(member)).build();
  }

  @PUT
  @Path("{id}")
  @RequiresPermission(Permissions.MEMBERS_WRITE)
  @Operation(
      summary = "Replace a member's details",
      description = "Send If-Match with the ETag you read to avoid overwriting someone's change.")
  @APIResponse(responseCode = "404", description = "No such member in this council")
  @APIResponse(responseCode = "409", description = "Changed since you read it, or email taken")
  public Response update(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull(message = "send the member as JSON") @Valid MemberRequest request) {
    Member member = directory.update(parseId(id), request.toDetails(), version(ifMatch));
    return Response.ok(MemberView.of(member)).tag(etag(member)).build();
  }

  @POST
  @Path("{id}/invitation")
  @RequiresPermission(Permissions.MEMBERS_WRITE)
  @Operation(
      summary = "Invite a member to sign in",
      description =
          "The council's letter and Keycloak's link to set a password are emailed. Their sign-in is"
              + " linked to this record"
              + " by the invitation, never by matching email addresses.")
  @APIResponse(responseCode = "202", description = "Invitation sent")
  @APIResponse(
      responseCode = "409",
      description = "No email address (act for them instead), or they can already sign in")
  @APIResponse(
      responseCode = "503",
      description = "The sign-in service is not answering: nothing was changed, try again")
  public Response invite(@PathParam("id") String id, RolesRequest request) {
    Set<String> roles = request == null || request.roles == null ? Set.of("member") : request.roles;
    return Response.accepted(MemberView.of(invitations.invite(parseId(id), roles))).build();
  }

  /** The roles a person should hold. */
  public static class RolesRequest {
    @NotNull(message = "list the roles")
    public Set<@NotNull String> roles;
  }

  /**
   * The roles of the registry and whether the person holds each.
   *
   * @param id the role
   * @param name the role in plain words
   * @param held whether the person holds it
   */
  public record RoleView(String id, String name, boolean held) {}

  @GET
  @Path("{id}/roles")
  @RequiresPermission(Permissions.MEMBERS_READ)
  @Operation(summary = "The roles a person holds (from the registry: the platform's and plugins')")
  public List<RoleView> roles(@PathParam("id") String id) {
    Member member =
        directory.find(parseId(id)).orElseThrow(() -> ProblemException.notFound("This member"));
    return roleViews(memberRoles.of(tenant(), member));
  }

  @PUT
  @Path("{id}/roles")
  @RequiresPermission(Permissions.MEMBERS_ROLES)
  @Operation(
      summary = "Give and take a person's roles",
      description =
          "They hold exactly these afterwards; the change reaches Keycloak and is audited, and their"
              + " open sessions take it at their next refresh. Nobody removes the last"
              + " administrator.")
  @APIResponse(responseCode = "409", description = "No sign-in yet, or the last administrator")
  public List<RoleView> changeRoles(
      @PathParam("id") String id,
      @NotNull(message = "send the roles as JSON") @Valid RolesRequest request) {
    Member member =
        directory.find(parseId(id)).orElseThrow(() -> ProblemException.notFound("This member"));
    return roleViews(memberRoles.change(tenant(), member, request.roles));
  }

  private List<RoleView> roleViews(Set<String> held) {
    return roleRegistry.all().stream()
        .map(r -> new RoleView(r.id(), r.name(), held.contains(r.id())))
        .toList();
  }

  private org.roundtable.core.tenancy.Tenant tenant() {
    return (org.roundtable.core.tenancy.Tenant)
        servletRequest.getAttribute(Tenant.REQUEST_ATTRIBUTE);
  }

  private static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("This member");
    }
  }

  private static EntityTag etag(Member member) {
    return new EntityTag(Long.toString(member.version()));
  }

  private static Optional<Long> version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return Optional.empty();
    }
    String value = ifMatch.strip().replace("W/", "").replace("\"", "");
    try {
      return Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new ProblemException(
          ProblemType.BAD_REQUEST, "If-Match must be the ETag you read, like \"3\"");
    }
  }
}
