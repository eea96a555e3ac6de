package org.roundtable.api.errors;

import java.util.List;
import org.roundtable.api.web.FormErrors;

/**
 * What was given is not acceptable, field by field, each with a plain-words message that says how
 * to put it right ("Enter the number of miles, like 12"). The API answers 400 with the fields in
 * the problem's {@code errors}; a form shows each message beside its field and in the error
 * summary.
 *
 * @since 1.7.0
 */
public final class Refused extends DomainException {

  private static final long serialVersionUID = 1L;

  /**
   * Why a field is refused, where it matters to a program calling the API (it answers 400, 413 or
   * 415); a person sees the message either way.
   *
   * @since 1.7.0
   */
  public enum Reason {
    /** Not valid: missing, malformed, out of range, or against the council's policy. */
    INVALID,
    /** A file larger than the platform or the council allows. */
    TOO_LARGE,
    /** A file of a type that is not accepted here. */
    UNSUPPORTED_TYPE
  }

  private final transient List<FormErrors.FieldError> errors;
  private final Reason reason;

  /**
   * @param field the field (the API's property name; a form may show it under its own id)
   * @param message what is wrong with it and how to fix it
   * @since 1.7.0
   */
  public Refused(String field, String message) {
    this(Reason.INVALID, field, message);
  }

  /**
   * @param reason why, for a program calling the API
   * @param field the field
   * @param message what is wrong with it and how to fix it
   * @since 1.7.0
   */
  public Refused(Reason reason, String field, String message) {
    this(reason, List.of(new FormErrors.FieldError(field, message)));
  }

  /**
   * @param errors every field found wrong (at least one)
   * @since 1.7.0
   */
  public Refused(FormErrors errors) {
    this(Reason.INVALID, errors.all());
  }

  private Refused(Reason reason, List<FormErrors.FieldError> errors) {
    super(messageOf(errors));
    this.reason = reason;
    this.errors = List.copyOf(errors);
  }

  /**
   * @return why the fields are refused
   * @since 1.7.0
   */
  public Reason reason() {
    return reason;
  }

  /**
   * @return the fields refused, in the order found
   * @since 1.7.0
   */
  public List<FormErrors.FieldError> errors() {
    return errors;
  }

  private static String messageOf(List<FormErrors.FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("A refusal names at least one field");
    }
    return errors.size() == 1
        ? errors.get(0).message()
        : "Correct the fields listed in errors and send it again";
  }
}
