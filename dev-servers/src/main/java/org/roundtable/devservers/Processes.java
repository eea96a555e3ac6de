package org.roundtable.devservers;

import java.util.concurrent.TimeUnit;

/** Stopping a server process the way every development server is stopped. */
public final class Processes {

  private Processes() {}

  /** Asks the process to stop, waits up to 30 s, then kills it (and its children's wait). */
  public static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
