package org.roundtable.core.request;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail: what every error of the platform answers with. It never carries a
 * stack trace, SQL text or class name.
 *
 * @param type stable identifier of the kind of problem
 * @param title short human summary of the kind
 * @param status HTTP status
 * @param detail what went wrong with this request, and how to fix it
 * @param instance the request path
 * @param requestId the request id, for support and the logs
 * @param errors one entry per invalid field, for validation problems
 */
public record Problem(
    URI type,
    String title,
    int status,
    String detail,
    String instance,
    String requestId,
    List<FieldError> errors) {

  /** The media type of problem responses. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final Jsonb JSONB = JsonbBuilder.create();

  /**
   * One invalid field.
   *
   * @param field the field's name in the request body ({@code email}, {@code address.postcode})
   * @param detail what is wrong with it
   */
  public record FieldError(String field, String detail) {}

  public static Problem of(ProblemType type, String detail, String instance, String requestId) {
    return new Problem(type.uri(), type.title(), type.status(), detail, instance, requestId, null);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, instance, requestId, List.copyOf(fieldErrors));
  }

  /** This problem as JSON, for places outside JAX-RS (servlet filters, error pages). */
  public String toJson() {
    return JSONB.toJson(this);
  }
}
