package org.roundtable.core.web.ui;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.api.errors.DomainException;
import org.roundtable.api.errors.Unavailable;
import org.roundtable.core.persistence.DatabaseFaults;
import org.roundtable.core.request.ProblemException;
import org.roundtable.core.request.ProblemType;

/**
 * Errors on pages, as pages in the council's style: what went wrong in plain words, what to do
 * next, and for a fault the request id to quote — never a stack trace, SQL or class names. A
 * database that cannot serve just now is a 503 asking to try again in a minute.
 */
public class WebErrors implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(WebErrors.class.getName());

  @Inject ErrorPages pages;
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Throwable error) {
    if (error instanceof ProblemException problem) {
      return pages.problem(problem.type().status(), problem.getMessage());
    }
    if (error instanceof Unavailable unavailable) {
      LOG.log(Level.WARNING, "Page " + request.getRequestURI() + ": " + unavailable.getMessage());
      return Response.fromResponse(
              pages.page(503, "errors/503.html", Map.of("message", unavailable.getMessage())))
          .header("Retry-After", DatabaseFaults.RETRY_AFTER_SECONDS)
          .build();
    }
    if (error instanceof DomainException domain) {
      return pages.problem(ProblemType.of(domain).status(), domain.getMessage());
    }
    if (error instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      if (status < 400) {
        return web.getResponse();
      }
      if (status >= 500) {
        return fault(error);
      }
      return pages.problem(status, applicationMessage(web));
    }
    return fault(error);
  }

  private Response fault(Throwable error) {
    if (DatabaseFaults.isUnavailable(error)) {
      LOG.log(Level.WARNING, "Page " + request.getRequestURI() + ": the database could not serve");
      request.setAttribute(DatabaseFaults.ATTRIBUTE, true);
      return Response.fromResponse(pages.page(503, "errors/503.html", Map.of()))
          .header("Retry-After", DatabaseFaults.RETRY_AFTER_SECONDS)
          .build();
    }
    LOG.log(Level.SEVERE, "Page " + request.getRequestURI() + " failed", error);
    return pages.page(500, "errors/500.html", Map.of());
  }

  /** A message the application wrote for people (not the framework's "HTTP 400 Bad Request"). */
  private static String applicationMessage(WebApplicationException error) {
    String message = error.getMessage();
    return message == null || message.startsWith("HTTP ") ? null : message;
  }
}
