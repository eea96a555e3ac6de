package org.roundtable.plugins.training.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.time.UkTime;
import org.roundtable.api.web.Download;
import org.roundtable.plugins.training.TrainingPlugin;
import org.roundtable.plugins.training.application.Cpd;

/**
 * {@code /api/v1/{council}/training/cpd}: one's CPD record for a registration year (Social Work
 * England's runs 1 December to 30 November; renewal is 1 September to 30 November), as JSON or a
 * CSV to keep; and the ASYE cohort for course organisers.
 */
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CpdResource {

  @Inject Cpd cpd;
  @Inject Clock clock;

  /** A registration year: from 1 December before to 30 November. */
  public record Year(int year, LocalDate from, LocalDate to, List<Cpd.Line> lines) {}

  @GET
  @RequiresPermission(TrainingPlugin.BOOK)
  public Year record(@QueryParam("year") Integer year) {
    int y = year(year);
    return new Year(y, Cpd.yearFrom(y), Cpd.yearTo(y), cpd.record(Cpd.yearFrom(y), Cpd.yearTo(y)));
  }

  /** The year's record as a CSV file, always as a download. */
  @GET
  @Path("export")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  @RequiresPermission(TrainingPlugin.BOOK)
  public Response export(@QueryParam("year") Integer year) {
    int y = year(year);
    return Download.attachment(
        Cpd.csv(cpd.record(Cpd.yearFrom(y), Cpd.yearTo(y))).getBytes(StandardCharsets.UTF_8),
        "text/csv; charset=UTF-8",
        "cpd-" + (y - 1) + "-" + y + ".csv");
  }

  @GET
  @Path("cohort")
  @RequiresPermission(TrainingPlugin.MANAGE)
  public List<Cpd.CohortRow> cohort() {
    return cpd.cohort();
  }

  /** The registration year asked for, else the one today falls in (ending 30 November). */
  private int year(Integer asked) {
    int current = Cpd.registrationYear(UkTime.today(clock));
    if (asked == null) {
      return current;
    }
    if (asked < 2000 || asked > current + 1) {
      throw new Refused("year", "give a registration year, like " + current);
    }
    return asked;
  }
}
