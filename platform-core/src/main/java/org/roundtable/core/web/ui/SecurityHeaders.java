package org.roundtable.core.web.ui;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every page: not cached (they show personal data), not framed, scripts and styles only from this
 * site (no inline script or style anywhere), forms posted only to this site (and the sign-in
 * service, where signing out continues), no referrer to other sites; over HTTPS (secure cookies
 * on), browsers are told to use nothing else for a year.
 */
public class SecurityHeaders implements ContainerResponseFilter {

  private static volatile Map<String, String> headers;

  /** The pages' headers, worked out once from the settings. */
  static Map<String, String> headers() {
    if (headers == null) {
      headers = of(ConfigProvider.getConfig());
    }
    return headers;
  }

  static Map<String, String> of(Config config) {
    // Signing out posts to the platform, which sends the browser on to Keycloak's end-session
    // endpoint: form-action covers the redirect after a post, so the sign-in origin is allowed.
    String formAction =
        "'self'"
            + config
                .getOptionalValue("roundtable.keycloak.public-url", String.class)
                .flatMap(SecurityHeaders::origin)
                .map(origin -> " " + origin)
                .orElse("");
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Cache-Control", "no-store");
    all.put(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none';"
            + " frame-ancestors 'none'; form-action "
            + formAction);
    all.put("X-Content-Type-Options", "nosniff");
    all.put("Referrer-Policy", "same-origin");
    if (config.getOptionalValue("roundtable.web.secure-cookies", Boolean.class).orElse(true)) {
      all.put("Strict-Transport-Security", "max-age=31536000");
    }
    return Map.copyOf(all);
  }

  private static Optional<String> origin(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return Optional.empty();
      }
      return Optional.of(
          uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Puts the pages' headers on a response written outside JAX-RS (the sign-in pages). */
  public static void apply(HttpServletResponse response) {
    headers().forEach(response::setHeader);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> out = response.getHeaders();
    headers()
        .forEach(
            (name, value) -> {
              if (name.equals("Cache-Control")) {
                out.putIfAbsent(name, List.of(value));
              } else {
                out.putSingle(name, value);
              }
            });
  }
}
