package org.roundtable.core.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.owasp.encoder.Encode;

/**
 * The platform's few server-rendered pages (sign-in, signed-in, errors) until the web UI arrives:
 * plain, accessible HTML — a language, a title, one main landmark, one heading — with every value
 * encoded by the OWASP Java Encoder, never cached, never framed.
 */
public final class Pages {

  private Pages() {}

  /** Text for an HTML element's content. */
  public static String text(String value) {
    return Encode.forHtml(value);
  }

  /** Text for a double-quoted HTML attribute. */
  public static String attribute(String value) {
    return Encode.forHtmlAttribute(value);
  }

  /**
   * Writes a whole page.
   *
   * @param title the page title and its one heading, as plain text
   * @param body the page's content below the heading, as HTML whose values are already encoded
   */
  public static void write(HttpServletResponse response, int status, String title, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response
        .getWriter()
        .write(
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%1$s – Roundtable</title>
            </head>
            <body>
            <main>
            <h1>%1$s</h1>
            %2$s
            </main>
            </body>
            </html>
            """
                .formatted(text(title), body));
  }

  /** The page for an address that leads nowhere (also an unknown or suspended council). */
  public static void notFound(HttpServletResponse response) throws IOException {
    write(
        response,
        404,
        "Page not found",
        "<p>There is nothing at this address. Check the address, or ask the council that sent it"
            + " to you.</p>");
  }
}
