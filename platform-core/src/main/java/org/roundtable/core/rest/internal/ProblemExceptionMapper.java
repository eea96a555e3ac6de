package org.roundtable.core.rest.internal;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.roundtable.core.request.ProblemException;

/** Expected failures the code raised on purpose: their message is written for the caller. */
@Provider
public class ProblemExceptionMapper extends ProblemResponses
    implements ExceptionMapper<ProblemException> {

  @Override
  public Response toResponse(ProblemException exception) {
    return exception.errors().isEmpty()
        ? respond(exception.type(), exception.getMessage())
        : respond(exception.type(), exception.getMessage(), exception.errors());
  }
}
