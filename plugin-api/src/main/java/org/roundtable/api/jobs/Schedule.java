package org.roundtable.api.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.roundtable.api.time.UkTime;

/**
 * When a {@link ScheduledJob} runs: every day at a UK time, or at a fixed interval.
 *
 * @since 1.8.0
 */
public final class Schedule {

  private final LocalTime dailyAt;
  private final Duration every;

  private Schedule(LocalTime dailyAt, Duration every) {
    this.dailyAt = dailyAt;
    this.every = every;
  }

  /**
   * Every day at a UK wall-clock time (the same time in GMT and BST; a time the clocks skip runs an
   * hour later that day).
   *
   * @param at the time of day
   * @return the schedule
   * @since 1.8.0
   */
  public static Schedule dailyAt(LocalTime at) {
    return new Schedule(Objects.requireNonNull(at, "at"), null);
  }

  /**
   * At a fixed interval, counted from the end of the last run.
   *
   * @param interval at least a minute
   * @return the schedule
   * @throws IllegalArgumentException if the interval is shorter than a minute
   * @since 1.8.0
   */
  public static Schedule every(Duration interval) {
    if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("A job runs at most once a minute, not every " + interval);
    }
    return new Schedule(null, interval);
  }

  /**
   * The next time it is due after a moment.
   *
   * @param after the moment (a run's end, or the first start)
   * @return the next due time, strictly after it
   * @since 1.8.0
   */
  public Instant next(Instant after) {
    if (every != null) {
      return after.plus(every);
    }
    ZonedDateTime uk = after.atZone(UkTime.ZONE);
    ZonedDateTime today = uk.toLocalDate().atTime(dailyAt).atZone(UkTime.ZONE);
    return (today.toInstant().isAfter(after) ? today : today.plusDays(1)).toInstant();
  }

  @Override
  public String toString() {
    return every != null ? "every " + every : "daily at " + dailyAt + " UK time";
  }
}
