package org.roundtable.core.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * First on every request: gives it an id (the caller's {@code X-Request-Id} if well-formed, else a
 * new one), echoes it in the response, and writes one access-log line when it ends.
 */
public class RequestContextFilter extends HttpFilter {

  public static final String HEADER = "X-Request-Id";

  /** Request attribute holding the id, for error pages rendered after the filter returned. */
  public static final String ATTRIBUTE = "org.roundtable.requestId";

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final Logger ACCESS = Logger.getLogger("org.roundtable.access");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String offered = request.getHeader(HEADER);
    String requestId =
        offered != null && WELL_FORMED.matcher(offered).matches()
            ? offered
            : UUID.randomUUID().toString();
    RequestContext.bind(requestId);
    request.setAttribute(ATTRIBUTE, requestId);
    response.setHeader(HEADER, requestId);
    long started = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      long millis = (System.nanoTime() - started) / 1_000_000;
      ACCESS.info(
          () ->
              request.getMethod()
                  + " "
                  + request.getRequestURI()
                  + " "
                  + response.getStatus()
                  + " "
                  + millis
                  + "ms");
      RequestContext.unbind();
    }
  }
}
