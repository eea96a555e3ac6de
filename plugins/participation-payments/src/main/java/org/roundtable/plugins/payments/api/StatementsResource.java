package org.roundtable.plugins.payments.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.application.Statements;

/**
 * {@code /api/v1/{tenant}/payments/statements}: a person's yearly statement, as JSON or a CSV file
 * to keep ({@code me/2026} is the tax year 6 April 2026 to 5 April 2027).
 */
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(PaymentsPlugin.CLAIM)
public class StatementsResource {

  @Inject Statements statements;
  @Inject CurrentMember currentMember;

  @GET
  @Path("me/{year}")
  public Statements.Statement mine(@PathParam("year") String year) {
    return statements.forTaxYear(self(), year(year));
  }

  @GET
  @Path("me/{year}/csv")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  public Response mineAsCsv(@PathParam("year") String year) {
    return Downloads.statement(statements, statements.forTaxYear(self(), year(year)));
  }

  private static int year(String year) {
    if (!year.matches("20\\d\\d")) {
      throw new Refused("year", "The tax year is the year it starts in April, like 2026");
    }
    return Integer.parseInt(year);
  }

  private UUID self() {
    return currentMember.id().orElseThrow(NotFound::new);
  }
}
