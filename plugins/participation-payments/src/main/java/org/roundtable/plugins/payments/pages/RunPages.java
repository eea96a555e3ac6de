package org.roundtable.plugins.payments.pages;

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
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.time.UkTime;
import org.roundtable.api.web.FormFields;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.api.Downloads;
import org.roundtable.plugins.payments.api.Requests;
import org.roundtable.plugins.payments.application.Claims;
import org.roundtable.plugins.payments.application.FinanceRuns;
import org.roundtable.plugins.payments.application.Payees;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.FinanceRun;
import org.roundtable.plugins.payments.domain.RunLine;

/**
 * {@code /{tenant}/payments/runs}: finance makes a run of the approved claims, downloads its file
 * for payroll or accounts payable (the same bytes every time), marks it paid on the day the money
 * went, or voids it to make a new one.
 */
@RequestScoped
@RequiresPermission(PaymentsPlugin.FINANCE)
public class RunPages {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu");

  @Inject FinanceRuns runs;
  @Inject Claims claims;
  @Inject Payees payees;
  @Inject Models models;
  @Inject TenantContext tenant;
  @Inject Clock clock;

  @GET
  @Controller
  public String list(@QueryParam("done") String done) {
    models.put("runs", runs.all());
    models.put("approved", claims.inStatus(Claim.Status.APPROVED, 0, 1000).size());
    models.put("waiting", claims.inStatus(Claim.Status.SUBMITTED, 0, 1000).size());
    models.put("done", done);
    return "payments/runs.html";
  }

  @POST
  @Controller
  public String create() {
    FinanceRun run = runs.create();
    return Redirect.to(tenant.current(), "payments/runs/" + run.id());
  }

  @GET
  @Path("{id}")
  @Controller
  public String run(@PathParam("id") String id, @QueryParam("done") String done) {
    UUID runId = Requests.uuid(id);
    models.put("run", runs.find(runId));
    List<RunLine> lines = runs.lines(runId);
    models.put("lines", lines);
    models.put("toConfirm", runs.needingConfirmation(lines));
    models.put("done", done);
    if (models.get("paidOn") == null) {
      models.put("paidOn", LocalDate.now(clock.withZone(UkTime.ZONE)).format(DAY));
    }
    return "payments/run.html";
  }

  @GET
  @Path("{id}/csv")
  public Response csv(@PathParam("id") String id) {
    return Downloads.run(runs, Requests.uuid(id));
  }

  @POST
  @Path("{id}/payment")
  @Controller
  public String paid(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String typed = FormFields.text(form, "paidOn");
    models.put("paidOn", typed);
    return FormSubmission.of(models::put)
        .otherwiseOn("paidOn")
        .submit(
            errors -> {
              LocalDate paidOn = FormFields.day(typed).orElse(null);
              if (paidOn == null) {
                errors.add("paidOn", "Enter the day the payments were made, like 20/3/2027");
              }
              errors.refuseIfAny();
              runs.markPaid(Requests.uuid(id), paidOn);
              return redirect(id, "The run is marked as paid");
            },
            () -> run(id, null));
  }

  /** Finance, a second person, confirms bank details someone else set or changed lately. */
  @POST
  @Path("{id}/bank-details/{member}/confirmation")
  @Controller
  public String confirmBankDetails(@PathParam("id") String id, @PathParam("member") String member) {
    return FormSubmission.of(models::put)
        .otherwiseOn("confirm-" + member)
        .submit(
            errors -> {
              payees.confirmBankDetails(Requests.uuid(member));
              return redirect(id, "The bank details are confirmed");
            },
            () -> run(id, null));
  }

  @POST
  @Path("{id}/void")
  @Controller
  public String voidRun(@PathParam("id") String id) {
    runs.voidRun(Requests.uuid(id));
    return Redirect.to(
        tenant.current(), "payments/runs", "The run is void: its claims can go in a new run");
  }

  private String redirect(String id, String done) {
    return Redirect.to(tenant.current(), "payments/runs/" + id, done);
  }
}
