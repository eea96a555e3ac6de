package org.roundtable.core.web.ui;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Every page: not cached (they show personal data), not framed, scripts and styles only from this
 * site (no inline script or style anywhere), no referrer to other sites.
 */
public class SecurityHeaders implements ContainerResponseFilter {

  /** The pages' Content-Security-Policy: this site only, no inline script or style, no framing. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'";

  /** Puts the pages' headers on a response written outside JAX-RS (the sign-in pages). */
  public static void apply(jakarta.servlet.http.HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putIfAbsent("Cache-Control", java.util.List.of("no-store"));
    headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.putSingle("X-Content-Type-Options", "nosniff");
    headers.putSingle("Referrer-Policy", "same-origin");
  }
}
