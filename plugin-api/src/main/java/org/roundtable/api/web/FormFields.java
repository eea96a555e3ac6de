package org.roundtable.api.web;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading a submitted form the same way on every page: a field's text as typed (trimmed), a date
 * typed the UK way ({@code 24/11/2026}), a time of day ({@code 14:00} or {@code 2pm}). Pages say in
 * their own words what is wrong (see {@link FormErrors}).
 *
 * @since 1.3.0
 */
public final class FormFields {

  /** Strict: 31/2/2027 is refused, never quietly read as 28/2/2027. */
  private static final DateTimeFormatter UK_DAY =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  /** Hours, then minutes after a colon or a full stop, then am or pm (with or without dots). */
  private static final Pattern TIME =
      Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?");

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
   * A time of day as people type it: the 24-hour clock ({@code 14:00}, {@code 9:30}, {@code 9.30})
   * or the 12-hour one with am or pm ({@code 2pm}, {@code 2:30 pm}, {@code 10.15am}).
   *
   * @param typed what was typed, trimmed or not
   * @return the time, or empty when nothing was typed or it is not a time of either form
   * @since 1.9.0
   */
  public static Optional<LocalTime> time(String typed) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    Matcher m = TIME.matcher(typed.strip().toLowerCase(Locale.UK));
    if (!m.matches()) {
      return Optional.empty();
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    String half = m.group(3);
    if (half == null) {
      if (m.group(2) == null || hour > 23) {
        return Optional.empty(); // "14" alone is not a time; "2" could be either
      }
    } else {
      if (hour < 1 || hour > 12) {
        return Optional.empty();
      }
      hour = hour % 12 + (half.startsWith("p") ? 12 : 0);
    }
    return minute > 59 ? Optional.empty() : Optional.of(LocalTime.of(hour, minute));
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
