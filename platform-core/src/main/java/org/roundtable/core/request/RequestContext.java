package org.roundtable.core.request;

import java.util.Optional;

/** The current request's id, for logs, problems and the audit log. */
public final class RequestContext {

  private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

  private RequestContext() {}

  public static Optional<String> requestId() {
    return Optional.ofNullable(REQUEST_ID.get());
  }

  /** Binds the current request's id (the request filter does, and tests of what logs it). */
  public static void bind(String requestId) {
    REQUEST_ID.set(requestId);
  }

  /** Forgets the current request's id when its request ends. */
  public static void unbind() {
    REQUEST_ID.remove();
  }
}
