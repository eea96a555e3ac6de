package org.roundtable.core.rest.internal;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.core.persistence.DatabaseFaults;
import org.roundtable.core.request.ProblemType;

/**
 * Everything else. Database constraint races (a unique value taken between check and write) and
 * lost updates are 409; a body the JSON layer could not read is 400; a database that cannot serve
 * just now (down, frozen, out of connections, past a time limit) is 503 with {@code Retry-After};
 * anything else is 500 with the request id and nothing of the internals, and is logged in full.
 */
@Provider
public class UnexpectedExceptionMapper extends ProblemResponses
    implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  /**
   * SQLSTATEs of a value the database refuses: check and not-null violations, text too long,
   * numbers out of range, malformed dates and text, bytes that are not text.
   */
  private static final java.util.Set<String> REFUSED_VALUES =
      java.util.Set.of("23514", "23502", "22001", "22003", "22007", "22008", "22P02", "22021");

  @Override
  public Response toResponse(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonbException || t instanceof JsonParsingException) {
        return respond(
            ProblemType.INVALID_JSON,
            "The body must be a JSON object with the fields this address expects, each of the"
                + " right type (see the API description at /openapi)");
      }
      if (t instanceof OptimisticLockException) {
        return respond(
            ProblemType.CONFLICT,
            "This was changed by someone else at the same time: read it again and retry");
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        if (sql.getSQLState().equals("23505")) {
          return respond(ProblemType.CONFLICT, "That value is already taken in this council");
        }
        if (sql.getSQLState().equals("23503")) {
          return respond(ProblemType.CONFLICT, "This refers to something that does not exist");
        }
        if (REFUSED_VALUES.contains(sql.getSQLState())) {
          // The database's own checks refused a value the request's validation let through.
          return respond(
              ProblemType.VALIDATION,
              "A value in the request is not accepted: too long, out of range, of the wrong kind"
                  + " or missing. Correct it and send it again");
        }
      }
    }
    if (DatabaseFaults.isUnavailable(exception)) {
      LOG.log(Level.WARNING, "The database could not serve a request: " + exception);
      return Response.fromResponse(
              respond(
                  ProblemType.SERVICE_UNAVAILABLE,
                  "The service is having a problem just now; nothing was changed. Try again in"
                      + " a minute."))
          .header("Retry-After", DatabaseFaults.RETRY_AFTER_SECONDS)
          .build();
    }
    LOG.log(Level.SEVERE, "Request failed", exception);
    return respond(
        ProblemType.INTERNAL,
        "The request could not be completed; quote the request id if you report it");
  }
}
