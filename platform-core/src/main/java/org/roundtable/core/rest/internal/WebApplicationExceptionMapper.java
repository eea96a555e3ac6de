package org.roundtable.core.rest.internal;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.core.request.ProblemType;

/**
 * HTTP errors raised by JAX-RS itself (no such path: 404, wrong method: 405, wrong media type: 415,
 * ...) and by the security filters (401, 403), as problems. Keeps the headers that matter to the
 * caller ({@code Allow}, {@code WWW-Authenticate}).
 */
@Provider
public class WebApplicationExceptionMapper extends ProblemResponses
    implements ExceptionMapper<WebApplicationException> {

  private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    ProblemType type = ProblemType.forStatus(status);
    if (status >= 500) {
      LOG.log(Level.SEVERE, "Request failed", exception);
    }
    Response.ResponseBuilder response =
        Response.fromResponse(respond(type, detail(exception, type)));
    for (String header : new String[] {HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE}) {
      Object value = original.getHeaders().getFirst(header);
      if (value != null) {
        response.header(header, value);
      }
    }
    return response.build();
  }

  private static String detail(WebApplicationException exception, ProblemType type) {
    if (exception instanceof NotAuthorizedException || exception instanceof ForbiddenException) {
      return exception.getMessage();
    }
    // A sentence application code wrote for the caller (a plugin's "This member already sits on
    // the board"); JAX-RS's own messages ("HTTP 404 Not Found") give way to ours below.
    String message = exception.getMessage();
    if (type != ProblemType.INTERNAL
        && message != null
        && !message.isBlank()
        && !message.startsWith("HTTP ")) {
      return message;
    }
    return switch (type) {
      case NOT_FOUND -> "There is nothing at this address";
      case METHOD_NOT_ALLOWED -> "This address does not accept that method; see the Allow header";
      case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
      case NOT_ACCEPTABLE -> "This address answers with application/json";
      case INTERNAL -> "The request could not be completed; quote the request id if you report it";
      default -> type.title();
    };
  }
}
