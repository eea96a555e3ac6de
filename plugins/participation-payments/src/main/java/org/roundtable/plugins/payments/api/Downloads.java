package org.roundtable.plugins.payments.api;

import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.util.UUID;
import org.roundtable.api.web.Download;
import org.roundtable.plugins.payments.application.FinanceRuns;
import org.roundtable.plugins.payments.application.Statements;
import org.roundtable.plugins.payments.domain.FinanceRun;

/**
 * The plugin's files, the same from the API and the pages: a finance run's CSV and a person's
 * statement. Each is written whole in the request's transaction before anything is sent, so a
 * failure is an error response, never half a file.
 */
public final class Downloads {

  private Downloads() {}

  /** A finance run's file for payroll or accounts payable (columns in the plugin's README). */
  public static Response run(FinanceRuns runs, UUID runId) {
    FinanceRun run = runs.find(runId);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    runs.writeCsv(runId, file);
    return csv(file.toByteArray(), "roundtable-payments-run-" + run.number() + ".csv");
  }

  /** A person's statement of a tax year. */
  public static Response statement(Statements statements, Statements.Statement statement) {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    statements.writeCsv(statement, file);
    return csv(file.toByteArray(), "roundtable-statement-" + statement.taxYear() + ".csv");
  }

  private static Response csv(byte[] content, String fileName) {
    return Download.attachment(content, "text/csv; charset=UTF-8", fileName);
  }
}
