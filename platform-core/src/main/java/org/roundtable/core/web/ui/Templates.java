package org.roundtable.core.web.ui;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The pages' Thymeleaf templates, read from the class path under {@code templates/}: the core's
 * ({@code layout.html}, {@code components.html}, its pages) and every plugin's, from the plugin's
 * own JAR ({@code templates/{pluginId}/…}). Values are HTML-escaped unless a template says
 * otherwise ({@code th:utext}, which Roundtable's templates never use).
 */
@ApplicationScoped
public class Templates {

  private final TemplateEngine engine;

  public Templates() {
    ClassLoaderTemplateResolver resolver =
        new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCacheable(true);
    resolver.setCheckExistence(true);
    engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
  }

  /**
   * Renders a template ({@code home.html}, {@code payments/claim.html}) with these values.
   * Fragments name templates without the suffix ({@code ~{layout :: page(...)}}).
   */
  public String render(String template, Map<String, Object> values) {
    String name =
        template.endsWith(".html") ? template.substring(0, template.length() - 5) : template;
    return engine.process(name, new Context(Locale.UK, values));
  }
}
