package org.roundtable.core.rest.internal;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.roundtable.api.errors.DomainException;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.errors.Unavailable;
import org.roundtable.core.persistence.DatabaseFaults;
import org.roundtable.core.request.Problem;
import org.roundtable.core.request.ProblemType;

/**
 * The API's answer to a domain error, the core's or a plugin's: 404, 400 with the refused fields in
 * {@code errors}, 409, 403 or 503 (with {@code Retry-After}), with the error's plain-words message
 * as the detail.
 */
@Provider
public class DomainExceptionMapper extends ProblemResponses
    implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException exception) {
    ProblemType type = ProblemType.of(exception);
    if (exception instanceof Refused refused) {
      return respond(
          type,
          exception.getMessage(),
          refused.errors().stream()
              .map(error -> new Problem.FieldError(error.field(), error.message()))
              .toList());
    }
    if (exception instanceof Unavailable) {
      return Response.fromResponse(respond(type, exception.getMessage()))
          .header("Retry-After", DatabaseFaults.RETRY_AFTER_SECONDS)
          .build();
    }
    return respond(type, exception.getMessage());
  }
}
