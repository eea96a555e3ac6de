package org.roundtable.core.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roundtable.core.web.ui.ErrorPages;
import org.roundtable.core.web.ui.SecurityHeaders;

/**
 * The few pages written outside the pages application (sign-in messages, an unknown council, the
 * container's errors), in the same layout and style as every other page: the council's branding
 * where there is a council, every value escaped by the templates, never cached, never framed.
 */
public final class Pages {

  private Pages() {}

  /**
   * Writes a page of plain paragraphs, with a link if {@code link} is given.
   *
   * @param title the page title and its one heading
   */
  public static void message(
      HttpServletResponse response,
      int status,
      String title,
      List<String> paragraphs,
      String link,
      String linkText)
      throws IOException {
    Map<String, Object> values = new HashMap<>();
    values.put("title", title);
    values.put("paragraphs", paragraphs);
    values.put("link", link);
    values.put("linkText", linkText);
    values.put("signOut", false);
    write(response, status, "message.html", values);
  }

  /** The page asking whether to sign out, with the button that does. */
  public static void confirmSignOut(HttpServletResponse response, String council)
      throws IOException {
    Map<String, Object> values = new HashMap<>();
    values.put("title", "Sign out");
    values.put("paragraphs", List.of("Sign out of " + council + "?"));
    values.put("signOut", true);
    write(response, 200, "message.html", values);
  }

  /** The page for an address that leads nowhere (also an unknown or suspended council). */
  public static void notFound(HttpServletResponse response) throws IOException {
    write(response, 404, "errors/404.html", Map.of());
  }

  /**
   * The page for a service that cannot serve just now (its database): try again in a minute, with
   * {@code Retry-After}.
   */
  public static void unavailable(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    request.setAttribute(org.roundtable.core.persistence.DatabaseFaults.ATTRIBUTE, true);
    response.setHeader(
        "Retry-After",
        Integer.toString(org.roundtable.core.persistence.DatabaseFaults.RETRY_AFTER_SECONDS));
    write(response, 503, "errors/503.html", Map.of());
  }

  /** The page for a fault, quoting the request id. */
  public static void fault(HttpServletResponse response, int status) throws IOException {
    write(response, status, "errors/500.html", Map.of());
  }

  private static void write(
      HttpServletResponse response, int status, String template, Map<String, Object> values)
      throws IOException {
    String html = CDI.current().select(ErrorPages.class).get().html(template, values);
    response.setStatus(status);
    response.setContentType("text/html");
    response.setCharacterEncoding("UTF-8");
    SecurityHeaders.apply(response);
    response.getWriter().write(html);
  }
}
