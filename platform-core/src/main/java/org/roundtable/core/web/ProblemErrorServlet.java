package org.roundtable.core.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.roundtable.core.persistence.DatabaseFaults;
import org.roundtable.core.request.Problem;
import org.roundtable.core.request.ProblemType;
import org.roundtable.core.request.RequestContext;
import org.roundtable.core.request.RequestContextFilter;

/**
 * The container's error page for anything outside the JAX-RS applications' own mappers (an error
 * before JAX-RS runs): a page in the council's style for a browser outside {@code /api}, else a
 * problem; never the server's own error page.
 */
public class ProblemErrorServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
        && DatabaseFaults.isUnavailable(failure)) {
      status = 503; // the database cannot serve just now: try again, not a fault of ours to quote
      response.setHeader("Retry-After", Integer.toString(DatabaseFaults.RETRY_AFTER_SECONDS));
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String accept = request.getHeader("Accept");
    boolean page =
        uri != null
            && !uri.toString().startsWith(request.getContextPath() + "/api/")
            && accept != null
            && accept.contains("text/html");
    if (page) {
      // A browser: the same pages as everywhere else, with no internals.
      if (status == 404) {
        Pages.notFound(response);
      } else if (status == 503) {
        Pages.unavailable(request, response);
      } else if (status >= 500) {
        Pages.fault(response, status);
      } else {
        Pages.message(
            response,
            status,
            "That could not be done",
            java.util.List.of("Go back and try again."),
            null,
            null);
      }
      return;
    }
    ProblemType type = ProblemType.forStatus(status);
    Problem problem =
        new Problem(
            type.uri(),
            type.title(),
            status,
            status == 404 ? "There is nothing at this address" : type.title(),
            uri == null ? null : uri.toString(),
            RequestContext.requestId()
                .orElse((String) request.getAttribute(RequestContextFilter.ATTRIBUTE)),
            null);
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(problem.toJson());
  }
}
