package org.roundtable.core.rest.internal;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.roundtable.core.operations.CouncilWork;
import org.roundtable.core.plugin.JobRecord;
import org.roundtable.core.plugin.PluginJobs;
import org.roundtable.steps.access.OperatorOnly;

/** The operators' API: a council's plugin jobs and the deliveries given up on. */
@Path("v1/platform/tenants/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public class OperatorWorkResource {

  @Inject CouncilWork work;

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
  @Path("jobs")
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
  @Path("jobs/{job}/run")
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
  @Path("failed-deliveries")
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
  @Path("failed-deliveries/{id}/retry")
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
