package org.roundtable.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A listener that keeps failing waits longer each time, then is given up for an operator. */
class EventFailureTest {

  private final Instant now = Instant.parse("2026-12-04T09:00:00Z");

  @Test
  void waitsTwiceAsLongEachTimeUpToFiveMinutesThenIsGivenUpAtTheLastAttempt() {
    EventFailure failure = new EventFailure(UUID.randomUUID(), "boards:Listener");
    List<Duration> waits = new ArrayList<>();
    boolean givenUp = false;
    for (int attempt = 1; attempt <= 9 && !givenUp; attempt++) {
      givenUp = failure.failed("IllegalStateException: down", now, 9);
      waits.add(Duration.between(now, failure.nextAttemptAt()));
      assertThat(failure.dueBy(now)).as("not tried again at once").isFalse();
    }

    assertThat(waits)
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40),
            Duration.ofSeconds(80),
            Duration.ofSeconds(160),
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(5));
    assertThat(givenUp).isTrue();
    assertThat(failure.failedAt()).contains(now);
    assertThat(failure.dueBy(now.plus(Duration.ofDays(1))))
        .as("given up: only an operator sends it again")
        .isFalse();
  }

  @Test
  void anOperatorsRetryMakesItDueNowWithItsAttemptsCountedAfresh() {
    EventFailure failure = new EventFailure(UUID.randomUUID(), "boards:Listener");
    failure.failed("IllegalStateException: down", now, 1);

    failure.retry(now.plusSeconds(60));

    assertThat(failure.failedAt()).isEmpty();
    assertThat(failure.attempts()).isZero();
    assertThat(failure.dueBy(now.plusSeconds(60))).isTrue();
    assertThat(failure.failed("again", now.plusSeconds(61), 2)).as("one more to go").isFalse();
  }

  @Test
  void keepsTheErrorShortEnoughForItsColumn() {
    EventFailure failure = new EventFailure(UUID.randomUUID(), "boards:Listener");
    failure.failed("x".repeat(2000), now, 3);

    assertThat(failure.lastError()).hasSize(500);
  }
}
