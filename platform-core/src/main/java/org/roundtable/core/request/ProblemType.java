package org.roundtable.core.request;

import java.net.URI;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.DomainException;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;

/** The kinds of problem the platform answers with; their type URIs are stable. */
public enum ProblemType {
  BAD_REQUEST(400, "bad-request", "The request is not valid"),
  INVALID_JSON(400, "invalid-json", "The request body is not valid JSON"),
  VALIDATION(400, "validation", "Some fields are not valid"),
  UNAUTHENTICATED(401, "unauthenticated", "Sign-in is needed"),
  FORBIDDEN(403, "forbidden", "You do not have permission to do this"),
  NOT_FOUND(404, "not-found", "Not found"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "This method is not allowed here"),
  NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
  CONFLICT(409, "conflict", "The request conflicts with the current state"),
  PRECONDITION_FAILED(412, "precondition-failed", "The resource has changed"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request is too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "This media type is not supported"),
  SERVICE_UNAVAILABLE(503, "unavailable", "The service is not available just now"),
  INTERNAL(500, "internal", "Something went wrong on our side");

  private static final String BASE = "urn:roundtable:problem:";

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public URI uri() {
    return URI.create(BASE + slug);
  }

  /** The general kind for an HTTP status with no more specific kind. */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : BAD_REQUEST;
  }

  /** The kind of problem a domain error is, in the API and on pages alike. */
  public static ProblemType of(DomainException error) {
    if (error instanceof NotFound) {
      return NOT_FOUND;
    }
    if (error instanceof Refused refused) {
      return switch (refused.reason()) {
        case TOO_LARGE -> PAYLOAD_TOO_LARGE;
        case UNSUPPORTED_TYPE -> UNSUPPORTED_MEDIA_TYPE;
        case INVALID -> VALIDATION;
      };
    }
    if (error instanceof Conflict) {
      return CONFLICT;
    }
    if (error instanceof Forbidden) {
      return FORBIDDEN;
    }
    return SERVICE_UNAVAILABLE;
  }
}
