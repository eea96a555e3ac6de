package org.roundtable.plugins.boards.pages;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.roundtable.api.time.UkTime;
import org.roundtable.api.web.FormErrors;
import org.roundtable.api.web.FormFields;

/** Reading the boards' forms: trimmed text, UK dates ({@code 24/11/2026}) and times. */
final class PageForms {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' h:mma", Locale.UK);

  private PageForms() {}

  static String text(MultivaluedMap<String, String> form, String name) {
    return FormFields.text(form, name);
  }

  static String required(
      MultivaluedMap<String, String> form, String name, int max, String what, FormErrors errors) {
    String value = text(form, name);
    if (value.isEmpty()) {
      errors.add(name, "Enter " + what);
    } else if (value.length() > max) {
      errors.add(name, capitalised(what) + " must be " + max + " characters or fewer");
    }
    return value;
  }

  static Optional<LocalDate> day(
      MultivaluedMap<String, String> form, String name, boolean required, FormErrors errors) {
    String value = text(form, name);
    if (value.isEmpty()) {
      if (required) {
        errors.add(name, "Enter the date, like 24/11/2026");
      }
      return Optional.empty();
    }
    Optional<LocalDate> day = FormFields.day(value);
    if (day.isEmpty()) {
      errors.add(name, "Enter a real date, like 24/11/2026");
    }
    return day;
  }

  static Optional<LocalTime> time(
      MultivaluedMap<String, String> form, String name, FormErrors errors) {
    Optional<LocalTime> time = FormFields.time(text(form, name));
    if (time.isEmpty()) {
      errors.add(name, "Enter the time, like 10:30 or 2pm");
    }
    return time;
  }

  static Instant at(LocalDate day, LocalTime time) {
    return UkTime.at(day, time);
  }

  /** {@code Tuesday 24 November 2026 at 10:30am}. */
  static String when(Instant instant) {
    return WHEN.format(instant.atZone(UkTime.ZONE)).replace("AM", "am").replace("PM", "pm");
  }

  private static String capitalised(String what) {
    String text =
        what.startsWith("a ")
            ? what.substring(2)
            : what.startsWith("the ") ? what.substring(4) : what;
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
