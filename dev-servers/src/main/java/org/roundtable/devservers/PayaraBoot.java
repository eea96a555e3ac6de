package org.roundtable.devservers;

/**
 * Payara Micro's own start-up services sometimes race at boot (a {@code
 * ConcurrentModificationException} in HK2's run levels, payara/Payara#6101, unresolved upstream):
 * its kernel logs that it failed to start, before deploying anything, and then the process hangs
 * instead of exiting. Whoever starts Payara as a process (the run command, the testkit) watches its
 * output for that line and starts it once more; in Kubernetes the chart's start-up probe restarts
 * the container.
 */
public final class PayaraBoot {

  private static final String FAILED = "Failed to start, exiting";

  private PayaraBoot() {}

  /** Whether a line of Payara's output says its kernel gave up before deploying anything. */
  public static boolean failed(String line) {
    return line.contains(FAILED);
  }
}
