package org.roundtable.distribution;

import java.util.ArrayDeque;
import java.util.Deque;

/** What the run command started, stopped in reverse order exactly once. */
final class RunningProcesses {

  private final Deque<Runnable> stops = new ArrayDeque<>();

  synchronized void add(Runnable stop) {
    stops.push(stop);
  }

  synchronized void stopAll() {
    while (!stops.isEmpty()) {
      stops.pop().run();
    }
  }
}
