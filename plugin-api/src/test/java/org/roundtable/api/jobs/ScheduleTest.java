package org.roundtable.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** When a job is due next: UK wall-clock days, through the clock changes, and intervals. */
class ScheduleTest {

  private final Schedule sevenInTheMorning = Schedule.dailyAt(LocalTime.of(7, 0));

  @Test
  void dailyIsTodayIfStillAheadElseTomorrowAtTheSameUkTime() {
    assertThat(sevenInTheMorning.next(Instant.parse("2026-12-04T06:59:00Z")))
        .as("winter: GMT")
        .isEqualTo(Instant.parse("2026-12-04T07:00:00Z"));
    assertThat(sevenInTheMorning.next(Instant.parse("2026-12-04T07:00:00Z")))
        .as("strictly after: the run that just ended is not due again")
        .isEqualTo(Instant.parse("2026-12-05T07:00:00Z"));
    assertThat(sevenInTheMorning.next(Instant.parse("2026-07-01T05:00:00Z")))
        .as("summer: 07:00 BST is 06:00 UTC")
        .isEqualTo(Instant.parse("2026-07-01T06:00:00Z"));
  }

  @Test
  void dailyKeepsItsUkTimeAcrossTheClocksGoingForward() {
    // The clocks go forward at 01:00 UTC on Sunday 29 March 2026.
    assertThat(sevenInTheMorning.next(Instant.parse("2026-03-28T08:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
  }

  @Test
  void everyCountsFromTheMomentGivenAndIsAtLeastAMinute() {
    Instant end = Instant.parse("2026-12-04T10:15:30Z");

    assertThat(Schedule.every(Duration.ofMinutes(30)).next(end)).isEqualTo(end.plusSeconds(1800));
    assertThatThrownBy(() -> Schedule.every(Duration.ofSeconds(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most once a minute");
  }
}
