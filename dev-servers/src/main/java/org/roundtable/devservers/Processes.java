package org.roundtable.devservers;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stopping a server process the way every development server is stopped. */
public final class Processes {

  private Processes() {}

  /** Asks the process to stop, waits up to 30 s, then kills it (and its children's wait). */
  public static void stop(Process process) {
    stop(process.toHandle());
  }

  /**
   * Asks the process to stop, waits up to 30 s, then kills it; the same for any child it leaves
   * behind (a start script's server JVM). Works for a process another JVM started.
   */
  public static void stop(ProcessHandle process) {
    List<ProcessHandle> children = process.descendants().toList();
    stopOne(process);
    children.forEach(Processes::stopOne);
  }

  private static void stopOne(ProcessHandle process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      process.onExit().get(30, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
      process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS).join();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
