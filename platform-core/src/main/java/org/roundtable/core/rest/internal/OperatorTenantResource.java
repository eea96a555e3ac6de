package org.roundtable.core.rest.internal;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.roundtable.core.onboarding.TenantOnboarding;
import org.roundtable.core.onboarding.TenantSignIn;
import org.roundtable.core.operations.CouncilWork;
import org.roundtable.core.plugin.JobRecord;
import org.roundtable.core.plugin.PluginJobs;
import org.roundtable.core.request.ProblemException;
import org.roundtable.core.request.ProblemType;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantRegistry;
import org.roundtable.steps.access.OperatorOnly;

/** The operators' API: the installation's tenants, their jobs and failed deliveries. */
@Path("v1/platform/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@OperatorOnly
public class OperatorTenantResource {

  @Inject TenantOnboarding onboarding;
  @Inject TenantRegistry registry;
  @Inject TenantSignIn signIn;
  @Inject CouncilWork work;
  @jakarta.ws.rs.core.Context UriInfo uriInfo;

  /** A tenant as operators see it. */
  public record TenantView(
      String slug,
      String displayName,
      String realm,
      Tenant.Status status,
      List<String> hostnames,
      SignInView signIn) {
    static TenantView of(Tenant t, TenantSignIn.State signIn) {
      return new TenantView(
          t.slug(),
          t.displayName(),
          t.realm(),
          t.status(),
          t.hostnames(),
          new SignInView(
              signIn.signIn(), signIn.problem().orElse(null), signIn.triedAt().orElse(null)));
    }
  }

  /** Whether a council's sign-in is set up; if not, why the last try failed, and when. */
  public record SignInView(Tenant.SignIn state, String problem, Instant triedAt) {}

  /** What an operator sends to create a tenant (a class: see MemberResource.MemberRequest). */
  public static class NewTenantRequest {
    @NotBlank(message = "enter the tenant's address, like kirklees")
    public String slug;

    @NotBlank(message = "enter the council's name")
    @Size(max = 200)
    public String displayName;

    @Size(max = 100)
    public String realm;

    public List<@NotBlank String> hostnames;

    @NotBlank(message = "enter the first administrator's email address")
    @Email(message = "enter an email address like name@example.org")
    public String adminEmail;

    @NotBlank(message = "enter the first administrator's first name")
    public String adminFirstName;

    @NotBlank(message = "enter the first administrator's last name")
    public String adminLastName;
  }

  /** A change of status (a class: see MemberResource.MemberRequest). */
  public static class StatusRequest {
    @NotNull(message = "ACTIVE or SUSPENDED")
    public Tenant.Status status;
  }

  @GET
  @Operation(summary = "Every tenant of this installation")
  public List<TenantView> list() {
    Map<String, TenantSignIn.State> pending = signIn.pending();
    return registry.all().stream().map(t -> TenantView.of(t, signIn.stateOf(t, pending))).toList();
  }

  @POST
  @Operation(
      summary = "Create a tenant",
      description =
          "Registers it, provisions its identity realm and invites its first administrator. If"
              + " the sign-in cannot be set up, the council is kept pending (answering 404"
              + " everywhere) with the reason, until POST {slug}/sign-in or the next start.")
  @APIResponse(responseCode = "201", description = "Created, its sign-in set up")
  @APIResponse(
      responseCode = "202",
      description =
          "Registered, its sign-in not set up: signIn says why; retry with {slug}/sign-in")
  @APIResponse(responseCode = "409", description = "The address is taken")
  public Response create(
      @NotNull(message = "send the tenant as JSON") @Valid NewTenantRequest request) {
    Tenant tenant =
        onboarding.create(
            new TenantOnboarding.NewTenant(
                request.slug,
                request.displayName,
                Optional.ofNullable(request.realm),
                request.hostnames == null ? List.of() : request.hostnames,
                request.adminEmail,
                request.adminFirstName,
                request.adminLastName));
    return (tenant.signIn() == Tenant.SignIn.READY
            ? Response.created(URI.create("/api/v1/" + tenant.slug()))
            : Response.accepted())
        .entity(TenantView.of(tenant, signIn.state(tenant)))
        .build();
  }

  @POST
  @Path("{slug}/sign-in")
  @Operation(
      summary = "Try again to set up a council's sign-in",
      description =
          "For a council whose realm or first administrator's invitation could not be set up:"
              + " tried now. A council already set up is left as it is.")
  @APIResponse(responseCode = "200", description = "Its sign-in is set up")
  @APIResponse(responseCode = "503", description = "Still not set up: the problem says why")
  public TenantView retrySignIn(@PathParam("slug") String slug) {
    Tenant tenant = onboarding.retrySignIn(slug);
    TenantSignIn.State state = signIn.state(tenant);
    if (tenant.signIn() != Tenant.SignIn.READY) {
      throw new ProblemException(
          ProblemType.SERVICE_UNAVAILABLE,
          "The sign-in of "
              + tenant.displayName()
              + " could not be set up: "
              + state.problem().orElse("no reason was given"));
    }
    return TenantView.of(tenant, state);
  }

  @PUT
  @Path("{slug}/status")
  @Operation(summary = "Suspend a tenant (its API answers 404) or reactivate it")
  public TenantView status(
      @PathParam("slug") String slug,
      @NotNull(message = "send the status as JSON") @Valid StatusRequest request) {
    Tenant changed = onboarding.changeStatus(slug, request.status);
    return TenantView.of(changed, signIn.state(changed));
  }

  @POST
  @Path("{slug}/web-client-secret")
  @Operation(
      summary = "Give a tenant's sign-in client a new secret",
      description =
          "Generated in Keycloak and kept sealed with the active data key: after a suspected"
              + " leak, for a realm set up before keys were configured, or to move to a new key.")
  @APIResponse(responseCode = "204", description = "Rotated")
  public Response rotateWebClientSecret(@PathParam("slug") String slug) {
    onboarding.rotateWebClientSecret(slug);
    return Response.noContent().build();
  }

  /** A job as operators see it in one council. */
  public record JobView(
      String job,
      String schedule,
      boolean pluginOn,
      Instant nextDueAt,
      long runs,
      int failuresSinceLastSuccess,
      Instant lastStartedAt,
      Instant lastFinishedAt,
      Instant lastSucceededAt,
      String lastError,
      String lastPod) {
    static JobView of(PluginJobs.Status status) {
      JobRecord runs = status.runs().orElse(null);
      return new JobView(
          status.job(),
          status.schedule(),
          status.pluginOn(),
          status.nextDueAt().orElse(null),
          runs == null ? 0 : runs.runs(),
          runs == null ? 0 : runs.failures(),
          runs == null ? null : runs.lastStartedAt().orElse(null),
          runs == null ? null : runs.lastFinishedAt().orElse(null),
          runs == null ? null : runs.lastSucceededAt().orElse(null),
          runs == null ? null : runs.lastError().orElse(null),
          runs == null ? null : runs.lastPod().orElse(null));
    }
  }

  @GET
  @Path("{slug}/jobs")
  @Operation(
      summary = "A council's plugin jobs",
      description =
          "Each installed job: its schedule, whether the council has its plugin on, when it is"
              + " next due, how often it ran, when it last ran and succeeded, on which pod, and"
              + " the last failure while it has not succeeded since.")
  @APIResponse(responseCode = "404", description = "No such council")
  public List<JobView> jobs(@PathParam("slug") String slug) {
    return work.jobs(slug).stream().map(JobView::of).toList();
  }

  @POST
  @Path("{slug}/jobs/{job}/run")
  @Operation(
      summary = "Run a council's job now",
      description = "On whichever pod claims it first; it runs once, then keeps its schedule.")
  @APIResponse(responseCode = "202", description = "Due now")
  @APIResponse(responseCode = "404", description = "No such council, or job it has on")
  public Response runJob(@PathParam("slug") String slug, @PathParam("job") String job) {
    work.runJob(slug, job);
    return Response.accepted().build();
  }

  @GET
  @Path("{slug}/failed-deliveries")
  @Operation(
      summary = "A council's deliveries given up on",
      description =
          "Emails the relay kept refusing and events a listener kept failing on, after their"
              + " last attempt: what failed, when and why, never what they said or to whom.")
  @APIResponse(responseCode = "404", description = "No such council")
  public CouncilWork.FailedDeliveries failedDeliveries(@PathParam("slug") String slug) {
    return work.failedDeliveries(slug);
  }

  @POST
  @Path("{slug}/failed-deliveries/{id}/retry")
  @Operation(
      summary = "Send a delivery given up on again",
      description = "Tried now, with its attempts counted afresh.")
  @APIResponse(responseCode = "202", description = "Due now")
  @APIResponse(responseCode = "404", description = "No such council, or delivery given up on")
  public Response retry(@PathParam("slug") String slug, @PathParam("id") UUID id) {
    work.retry(slug, id);
    return Response.accepted().build();
  }
}
