package org.roundtable.api.web;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Reading a submitted form the same way on every page: a field's text as typed (trimmed), and a
 * date typed the UK way ({@code 24/11/2026}). Pages say in their own words what is wrong (see
 * {@link FormErrors}).
 *
 * @since 1.3.0
 */
public final class FormFields {

  /** Strict: 31/2/2027 is refused, never quietly read as 28/2/2027. */
  private static final DateTimeFormatter UK_DAY =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private FormFields() {}

  /**
   * A field's text, trimmed; empty when the form did not send it.
   *
   * @param form the submitted form
   * @param name the field's name
   * @return its first value, trimmed, or {@code ""}
   * @since 1.3.0
   */
  public static String text(MultivaluedMap<String, String> form, String name) {
    return Optional.ofNullable(form.getFirst(name)).orElse("").strip();
  }

  /**
   * A date typed as day/month/year ({@code 24/11/2026}, {@code 1/4/2027}).
   *
   * @param typed what was typed, trimmed or not
   * @return the date, or empty when nothing was typed or it is not a real date of that form
   * @since 1.3.0
   */
  public static Optional<LocalDate> day(String typed) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(typed.strip(), UK_DAY));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A whole number as people type it ({@code 12}, {@code 1,200}).
   *
   * @param typed what was typed, trimmed or not
   * @return the number, or empty when nothing was typed or it is not a whole number
   * @since 1.7.0
   */
  public static Optional<Integer> wholeNumber(String typed) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    String digits = typed.strip().replace(",", "");
    if (!digits.matches("-?\\d{1,9}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(digits));
  }
}
