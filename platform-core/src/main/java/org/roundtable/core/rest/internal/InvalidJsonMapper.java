package org.roundtable.core.rest.internal;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.roundtable.core.request.ProblemType;

/** A body that is not JSON, or not of the expected shape: 400, without the parser's internals. */
@Provider
public class InvalidJsonMapper extends ProblemResponses implements ExceptionMapper<JsonbException> {

  @Override
  public Response toResponse(JsonbException exception) {
    return respond(
        ProblemType.INVALID_JSON,
        "The body must be a JSON object with the fields this address expects, each of the right"
            + " type (see the API description at /openapi)");
  }
}
