package org.roundtable.testkit.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.roundtable.api.time.UkTime;

/** A clock that stands still until the test moves it; in Europe/London, like the platform's. */
public final class FakeClock extends Clock {

  private Instant now;
  private final ZoneId zone;

  public FakeClock(Instant now) {
    this(now, UkTime.ZONE);
  }

  private FakeClock(Instant now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Moves time on. */
  public FakeClock advance(Duration by) {
    now = now.plus(by);
    return this;
  }

  /** Sets the time. */
  public FakeClock set(Instant instant) {
    now = instant;
    return this;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new FakeClock(now, other);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
