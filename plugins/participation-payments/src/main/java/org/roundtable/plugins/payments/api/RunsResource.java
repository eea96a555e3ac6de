package org.roundtable.plugins.payments.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.money.Money;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.application.FinanceRuns;
import org.roundtable.plugins.payments.domain.FinanceRun;

/** {@code /api/v1/{tenant}/payments/runs}: finance runs, their CSV, paid or void. */
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresPermission(PaymentsPlugin.FINANCE)
public class RunsResource {

  @Inject FinanceRuns runs;

  /** The day the money went. */
  public record PaymentRequest(
      @NotNull(message = "give the day the payments were made, like 2027-03-20")
          LocalDate paidOn) {}

  public record RunView(
      UUID id,
      int number,
      FinanceRun.Status status,
      Instant createdAt,
      int claims,
      long feesPence,
      long expensesPence,
      String total,
      LocalDate paidOn) {
    static RunView of(FinanceRun r) {
      return new RunView(
          r.id(),
          r.number(),
          r.status(),
          r.createdAt(),
          r.lineCount(),
          r.feePence(),
          r.expensesPence(),
          Money.ofPence(r.feePence() + r.expensesPence()).display(),
          r.paidOn());
    }
  }

  @GET
  public List<RunView> list() {
    return runs.all().stream().map(RunView::of).toList();
  }

  @POST
  public Response create() {
    return Response.status(201).entity(RunView.of(runs.create())).build();
  }

  @GET
  @Path("{id}")
  public RunView get(@PathParam("id") String id) {
    return RunView.of(runs.find(Requests.uuid(id)));
  }

  /** The run's file for payroll or accounts payable (columns in the plugin's README). */
  @GET
  @Path("{id}/csv")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  public Response csv(@PathParam("id") String id) {
    return Downloads.run(runs, Requests.uuid(id));
  }

  @POST
  @Path("{id}/payment")
  public RunView markPaid(
      @PathParam("id") String id,
      @NotNull(message = "send the payment date as JSON") @Valid PaymentRequest request) {
    return RunView.of(runs.markPaid(Requests.uuid(id), request.paidOn()));
  }

  @POST
  @Path("{id}/void")
  public RunView voidRun(@PathParam("id") String id) {
    return RunView.of(runs.voidRun(Requests.uuid(id)));
  }
}
