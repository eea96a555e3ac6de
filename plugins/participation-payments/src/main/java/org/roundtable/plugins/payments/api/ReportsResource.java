package org.roundtable.plugins.payments.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.application.Reports;

/** {@code /api/v1/{tenant}/payments/reports}: spending, and the council's days to pay. */
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(PaymentsPlugin.REPORTS)
public class ReportsResource {

  @Inject Reports reports;
  @Inject Clock clock;

  /**
   * Spending by {@code activity-type}, {@code activity} (a board's meetings have their board's name
   * in the title) or {@code month}, for activities between two days (the last year unless given).
   */
  @GET
  @Path("spend")
  public List<Reports.Spend> spend(
      @QueryParam("by") @DefaultValue("activity-type") String by,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Reports.SpendBy group;
    try {
      group = Reports.SpendBy.valueOf(by.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new Refused("by", "by is activity-type, activity or month");
    }
    LocalDate today = LocalDate.now(clock.withZone(UkTime.ZONE));
    return reports.spend(
        group, Requests.date("from", from, today.minusYears(1)), Requests.date("to", to, today));
  }

  /**
   * Days from activity to payment for claims paid between two days (the last year unless given).
   */
  @GET
  @Path("days-to-pay")
  public Reports.DaysToPay daysToPay(@QueryParam("from") String from, @QueryParam("to") String to) {
    LocalDate today = LocalDate.now(clock.withZone(UkTime.ZONE));
    return reports.daysToPay(
        Requests.date("from", from, today.minusYears(1)), Requests.date("to", to, today));
  }
}
