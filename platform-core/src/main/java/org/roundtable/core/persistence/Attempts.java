package org.roundtable.core.persistence;

import java.time.Duration;

/** How an outbox tries a delivery again: a wait that doubles, and an error short enough to keep. */
public final class Attempts {

  /** The longest error message kept with a delivery (its column's limit). */
  public static final int LONGEST_ERROR = 500;

  private Attempts() {}

  /**
   * The wait after a failed attempt: {@code first}, then twice as long each time, at most {@code
   * longest}.
   *
   * @param attempts the attempts made so far, at least 1
   */
  public static Duration waitAfter(int attempts, Duration first, Duration longest) {
    Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 20));
    return wait.compareTo(longest) > 0 ? longest : wait;
  }

  /** An error as kept with a delivery: cut to {@link #LONGEST_ERROR} characters. */
  public static String error(String error) {
    return error.length() > LONGEST_ERROR ? error.substring(0, LONGEST_ERROR) : error;
  }
}
