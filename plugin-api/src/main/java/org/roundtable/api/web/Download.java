package org.roundtable.api.web;

import jakarta.ws.rs.core.Response;

/**
 * A file a person downloads (a paper, a receipt, a run's CSV), from the API or a page, always as an
 * attachment that the browser never shows, runs or sniffs: {@code Content-Disposition: attachment}
 * with a file name of safe characters, {@code X-Content-Type-Options: nosniff}, a sandboxing {@code
 * Content-Security-Policy}, and no caching.
 *
 * @since 1.9.0
 */
public final class Download {

  private Download() {}

  /**
   * @param content the file's bytes
   * @param contentType its media type, e.g. {@code application/pdf}
   * @param fileName the name it is saved under; anything but letters, digits, dots, spaces, hyphens
   *     and underscores becomes an underscore
   * @return the response
   * @since 1.9.0
   */
  public static Response attachment(byte[] content, String contentType, String fileName) {
    String safe = fileName == null || fileName.isBlank() ? "download" : fileName;
    return Response.ok(content, contentType)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + safe.replaceAll("[^A-Za-z0-9._ -]", "_") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header("Cache-Control", "private, no-store")
        .build();
  }
}
