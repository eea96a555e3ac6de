package org.roundtable.core.web;

import java.util.Optional;

/** The current request's id, for logs, problems and the audit log. */
public final class RequestContext {

  private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

  private RequestContext() {}

  public static Optional<String> requestId() {
    return Optional.ofNullable(REQUEST_ID.get());
  }

  static void bind(String requestId) {
    REQUEST_ID.set(requestId);
  }

  static void unbind() {
    REQUEST_ID.remove();
  }
}
