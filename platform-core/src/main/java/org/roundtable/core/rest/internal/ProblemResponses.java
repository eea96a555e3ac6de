package org.roundtable.core.rest.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.roundtable.core.request.Problem;
import org.roundtable.core.request.ProblemType;
import org.roundtable.core.request.RequestContext;

/** Builds problem responses for the core's exception mappers. */
abstract class ProblemResponses {

  @Context UriInfo uriInfo;

  Response respond(ProblemType type, String detail) {
    return respond(problem(type, detail));
  }

  Response respond(ProblemType type, String detail, List<Problem.FieldError> errors) {
    return respond(problem(type, detail).withErrors(errors));
  }

  Problem problem(ProblemType type, String detail) {
    String instance = uriInfo == null ? null : uriInfo.getRequestUri().getPath();
    return Problem.of(type, detail, instance, RequestContext.requestId().orElse(null));
  }

  static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
