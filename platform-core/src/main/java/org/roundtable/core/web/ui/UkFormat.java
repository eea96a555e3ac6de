package org.roundtable.core.web.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.roundtable.api.money.Money;
import org.roundtable.api.time.UkTime;

/**
 * Dates, times and money as people in the UK write them ({@code Tuesday 24 November 2026}, {@code
 * 10:30am}, {@code £75.00}), for templates as {@code uk}. Times are UK local time.
 */
public final class UkFormat {

  /** The one instance, as templates see it. */
  public static final UkFormat INSTANCE = new UkFormat();

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DAY_DATE =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);
  private static final DateTimeFormatter MINUTE_TIME =
      DateTimeFormatter.ofPattern("h:mm", Locale.UK);

  private UkFormat() {}

  /** {@code 24 November 2026}, for a date, date-time or instant; empty for none. */
  public String date(Object value) {
    LocalDateTime local = local(value);
    return local == null ? "" : DATE.format(local);
  }

  /** {@code Tuesday 24 November 2026}. */
  public String day(Object value) {
    LocalDateTime local = local(value);
    return local == null ? "" : DAY_DATE.format(local);
  }

  /** {@code 10:30am}, {@code 2pm}, {@code midday}. */
  public String time(Object value) {
    LocalDateTime local = local(value);
    if (local == null) {
      return "";
    }
    LocalTime time = local.toLocalTime();
    if (time.equals(LocalTime.NOON)) {
      return "midday";
    }
    String text =
        time.getMinute() == 0
            ? DateTimeFormatter.ofPattern("ha", Locale.UK).format(time)
            : TIME.format(time);
    return text.toLowerCase(Locale.UK);
  }

  /** {@code Tuesday 24 November 2026 at 10:30am}. */
  public String dateTime(Object value) {
    LocalDateTime local = local(value);
    return local == null ? "" : day(local) + " at " + time(local);
  }

  /** {@code £1,234.50} from pence; {@code −£3.00} for a negative amount ({@link Money}). */
  public String money(long pence) {
    return Money.ofPence(pence).display();
  }

  /** {@code 12.50} from pence, for a form field (no pound sign, no commas). */
  public String pounds(long pence) {
    return Money.ofPence(pence).decimal();
  }

  /** {@code 10:30} for a time field. */
  public String clock(Object value) {
    LocalDateTime local = local(value);
    return local == null ? "" : MINUTE_TIME.format(local.toLocalTime());
  }

  private static LocalDateTime local(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate date) {
      return date.atStartOfDay();
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime;
    }
    if (value instanceof Instant instant) {
      return instant.atZone(UkTime.ZONE).toLocalDateTime();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.atZoneSameInstant(UkTime.ZONE).toLocalDateTime();
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.withZoneSameInstant(UkTime.ZONE).toLocalDateTime();
    }
    if (value instanceof TemporalAccessor temporal) {
      return LocalDateTime.from(temporal);
    }
    if (value instanceof String text && !text.isEmpty()) {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay()
          : local(Instant.parse(text));
    }
    throw new IllegalArgumentException("Not a date or time: " + value.getClass().getName());
  }
}
