package org.roundtable.core.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.roundtable.core.rest.Problem;
import org.roundtable.core.rest.ProblemType;

/**
 * The container's error page for anything outside the JSON API's own mappers (an unknown address
 * outside {@code /api}, an error before JAX-RS runs): a problem, never the server's HTML page.
 */
public class ProblemErrorServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
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
