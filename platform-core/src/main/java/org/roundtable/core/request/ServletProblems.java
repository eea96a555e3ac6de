package org.roundtable.core.request;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Problem responses written by servlet filters, before the JSON API's own mappers could run. */
public final class ServletProblems {

  private ServletProblems() {}

  /** Writes an RFC 9457 problem of this type, with the request's id. */
  public static void write(
      HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
      throws IOException {
    Problem problem =
        Problem.of(type, detail, request.getRequestURI(), RequestContext.requestId().orElse(null));
    response.setStatus(type.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(problem.toJson());
  }
}
