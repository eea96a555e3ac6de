package org.roundtable.plugins.training.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.web.Download;
import org.roundtable.plugins.training.TrainingPlugin;
import org.roundtable.plugins.training.application.Cpd;

/**
 * {@code /{council}/training/cpd}: one's CPD record for this registration year, a CSV to keep. Not
 * a controller: a controller's response is a view, never a file.
 */
@RequestScoped
public class CpdPages {

  @Inject Cpd cpd;

  @GET
  @RequiresPermission(TrainingPlugin.BOOK)
  public Response record() {
    return Download.attachment(
        cpd.thisYearsCsv().getBytes(StandardCharsets.UTF_8),
        "text/csv; charset=UTF-8",
        "cpd-record.csv");
  }
}
