package org.roundtable.api.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What is wrong with a submitted form, field by field, in the order the form shows the fields: the
 * platform's {@code components :: errorSummary} fragment lists them at the top of the page (each
 * linking to its field) and {@code components :: fieldError} shows each beside its field. Put it in
 * the page's model as {@code errors}. Messages are plain English and say how to put it right
 * ("Enter the number of miles, like 12").
 *
 * @since 1.2.0
 */
public final class FormErrors {

  /**
   * One field's error.
   *
   * @param field the field's {@code id} (and the {@code name} of its input)
   * @param message what is wrong and how to fix it
   * @since 1.2.0
   */
  public record FieldError(String field, String message) {}

  private final List<FieldError> errors = new ArrayList<>();

  /**
   * Adds an error; a field keeps only its first.
   *
   * @param field the field's id
   * @param message the message
   * @return this
   * @since 1.2.0
   */
  public FormErrors add(String field, String message) {
    if (message(field).isEmpty()) {
      errors.add(new FieldError(field, message));
    }
    return this;
  }

  /**
   * @return whether the form had no errors
   * @since 1.2.0
   */
  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /**
   * @param field a field's id
   * @return its error message, if it has one
   * @since 1.2.0
   */
  public Optional<String> message(String field) {
    return errors.stream()
        .filter(e -> e.field().equals(field))
        .map(FieldError::message)
        .findFirst();
  }

  /**
   * @param field a field's id
   * @return whether it has an error (for templates)
   * @since 1.2.0
   */
  public boolean has(String field) {
    return message(field).isPresent();
  }

  /**
   * @param field a field's id
   * @return its error message, or {@code null} (for templates)
   * @since 1.2.0
   */
  public String of(String field) {
    return message(field).orElse(null);
  }

  /**
   * @return the errors in the order they were added
   * @since 1.2.0
   */
  public List<FieldError> all() {
    return Collections.unmodifiableList(errors);
  }

  /**
   * Refuses the form if anything was found wrong, so the action stops before it changes anything.
   *
   * @throws org.roundtable.api.errors.Refused with every error, if there is any
   * @since 1.7.0
   */
  public void refuseIfAny() {
    if (!isEmpty()) {
      throw new org.roundtable.api.errors.Refused(this);
    }
  }
}
