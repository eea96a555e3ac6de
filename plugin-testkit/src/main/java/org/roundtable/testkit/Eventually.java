package org.roundtable.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for what holds soon rather than at once: a change another pod (or SQL) made is seen by
 * every pod within a second (the platform's allowed staleness, ADR 0025); work after commit runs
 * within seconds.
 */
public final class Eventually {

  /** The platform's allowed staleness: a change is seen everywhere within it. */
  public static final Duration STALENESS = Duration.ofSeconds(1);

  private Eventually() {}

  /** Whether the condition holds within the allowed staleness (looked at every 50 ms). */
  public static boolean withinASecond(BooleanSupplier condition) {
    return within(STALENESS, condition);
  }

  /** Whether the condition holds within a time (looked at every 50 ms). */
  public static boolean within(Duration time, BooleanSupplier condition) {
    long deadline = System.nanoTime() + time.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }
}
