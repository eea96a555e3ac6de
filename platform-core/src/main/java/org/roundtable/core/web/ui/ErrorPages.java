package org.roundtable.core.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;

/** Renders whole pages outside a controller: the error pages. */
@RequestScoped
public class ErrorPages {

  @Inject Templates templates;
  @Inject PageFrames frames;
  @Inject HttpServletRequest request;

  /** A page for a client error: 404, 403, 405, or a refusal with the application's message. */
  public Response problem(int status, String message) {
    return switch (status) {
      case 404 -> page(404, "errors/404.html", Map.of());
      case 403 -> page(403, "errors/403.html", Map.of());
      default -> {
        Map<String, Object> values = new HashMap<>();
        values.put("status", status);
        values.put("message", message);
        yield page(status, "errors/problem.html", values);
      }
    };
  }

  /** A whole page with the layout around it. */
  public Response page(int status, String template, Map<String, Object> values) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(html(template, values))
        .build();
  }

  /** A whole page's HTML, for code outside JAX-RS (the sign-in pages, the container's errors). */
  public String html(String template, Map<String, Object> values) {
    Map<String, Object> all = new HashMap<>(values);
    all.put("rt", frames.frame(request));
    all.put("uk", UkFormat.INSTANCE);
    return templates.render(template, all);
  }
}
