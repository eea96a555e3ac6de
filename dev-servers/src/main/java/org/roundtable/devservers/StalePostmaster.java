package org.roundtable.devservers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Stops the PostgreSQL serving a data directory: one left running by a run that was killed (SIGKILL
 * gives no chance to clean up), so the next run can start, or a build's shared server when the
 * build ends. Stops it by the PID in {@code postmaster.pid}, and only if that process is a
 * postgres. Needs nothing but the JDK (the build's reaper runs it).
 */
final class StalePostmaster {

  private static final Logger LOG = Logger.getLogger(StalePostmaster.class.getName());

  private StalePostmaster() {}

  static void stopIfRunning(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty()
        || !process.get().info().command().map(c -> c.contains("postgres")).orElse(false)) {
      return;
    }
    LOG.info("Stopping the PostgreSQL serving " + dataDirectory + " (pid " + pid + ")");
    process.get().destroy();
    try {
      process.get().onExit().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      process.get().destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
