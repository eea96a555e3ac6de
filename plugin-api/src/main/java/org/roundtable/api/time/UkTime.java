package org.roundtable.api.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * UK time, the one zone the platform and its plugins show times in and count days by (GMT in
 * winter, BST in summer). The database keeps instants; this is for the edges.
 *
 * @since 1.6.0
 */
public final class UkTime {

  /**
   * Europe/London.
   *
   * @since 1.6.0
   */
  public static final ZoneId ZONE = ZoneId.of("Europe/London");

  private UkTime() {}

  /**
   * Today in the UK.
   *
   * @param clock the clock to read
   * @return the day
   * @since 1.6.0
   */
  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }

  /**
   * An instant as a UK wall-clock time.
   *
   * @param instant the instant
   * @return the local date and time in the UK
   * @since 1.6.0
   */
  public static LocalDateTime local(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZONE);
  }

  /**
   * A UK wall-clock day and time as an instant (in the hour the clocks go forward, the time after
   * the gap; in the hour they go back, the earlier of the two).
   *
   * @param day the day
   * @param time the time of day in the UK
   * @return the instant
   * @since 1.9.0
   */
  public static Instant at(LocalDate day, LocalTime time) {
    return LocalDateTime.of(day, time).atZone(ZONE).toInstant();
  }
}
