package org.roundtable.core.web.ui;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mvc.engine.ViewEngine;
import jakarta.mvc.engine.ViewEngineContext;
import jakarta.mvc.engine.ViewEngineException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Jakarta MVC's view engine for Roundtable's pages: a controller returns a template name ({@code
 * home.html}, {@code payments/claim.html}), rendered from the class path by {@link Templates} with
 * the controller's models plus {@code rt} (the {@link PageFrame}) and {@code uk} ({@link
 * UkFormat}). Krazo's own Thymeleaf extension reads only {@code /WEB-INF/views}, which cannot reach
 * templates inside plugin JARs.
 */
@ApplicationScoped
@Priority(ViewEngine.PRIORITY_APPLICATION)
public class ThymeleafViewEngine implements ViewEngine {

  @Inject Templates templates;
  @Inject PageFrames frames;

  @Override
  public boolean supports(String view) {
    return view.endsWith(".html");
  }

  @Override
  public void processView(ViewEngineContext context) throws ViewEngineException {
    HttpServletRequest request = context.getRequest(HttpServletRequest.class);
    Map<String, Object> values = new HashMap<>(context.getModels().asMap());
    values.put("rt", frames.frame(request));
    values.put("uk", UkFormat.INSTANCE);
    String html = templates.render(context.getView(), values);
    context.getResponseHeaders().putSingle("Content-Type", "text/html;charset=UTF-8");
    try {
      OutputStream out = context.getOutputStream();
      out.write(html.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new ViewEngineException(e);
    }
  }
}
