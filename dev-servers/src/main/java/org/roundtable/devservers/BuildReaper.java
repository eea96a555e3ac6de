package org.roundtable.devservers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.roundtable.steps.files.Folders;

/**
 * Stops the servers a build shared between its modules when the build's process ends, however it
 * ends (finished, failed, killed): a small process of its own, started with the first shared
 * server, that waits for the build and then stops Keycloak and PostgreSQL and removes their data.
 * Needs nothing but the JDK, so it runs from this module's JAR alone.
 *
 * <p>The state file it reads ({@link SharedServers} writes it) names the build's process and the
 * servers; a process is trusted only if it started when the file says, so a reused process number
 * is never stopped.
 */
public final class BuildReaper {

  static final String BUILD_PID = "build.pid";
  static final String BUILD_STARTED = "build.started";
  static final String KEYCLOAK_PID = "keycloak.pid";
  static final String KEYCLOAK_STARTED = "keycloak.started";
  static final String KEYCLOAK_PORT = "keycloak.port";
  static final String POSTGRES_PORT = "postgres.port";
  static final String POSTGRES_DATA = "postgres.data";
  static final String DATABASES = "databases";

  private BuildReaper() {}

  /** Arguments: the state file. Waits for the build named there to end, then stops its servers. */
  public static void main(String[] args) throws IOException {
    Path stateFile = Path.of(args[0]);
    Properties state = read(stateFile);
    process(state, BUILD_PID, BUILD_STARTED).ifPresent(build -> build.onExit().join());
    stopServers(stateFile);
  }

  /** Stops the servers the state file names (read again: a test may have restarted one). */
  static void stopServers(Path stateFile) throws IOException {
    Properties state = read(stateFile);
    process(state, KEYCLOAK_PID, KEYCLOAK_STARTED).ifPresent(Processes::stop);
    String data = state.getProperty(POSTGRES_DATA);
    if (data != null) {
      Path directory = Path.of(data);
      StalePostmaster.stopIfRunning(directory);
      Folders.delete(directory);
    }
    Files.deleteIfExists(stateFile);
  }

  /**
   * The live process a state names under a key, if it is the one that started at the time given.
   */
  static Optional<ProcessHandle> process(Properties state, String pidKey, String startedKey) {
    String pid = state.getProperty(pidKey);
    String started = state.getProperty(startedKey);
    if (pid == null || started == null) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(pid))
        .filter(p -> started.equals(startOf(p).map(Instant::toString).orElse("")));
  }

  /** When a process started, as the operating system reports it. */
  static Optional<Instant> startOf(ProcessHandle process) {
    return process.info().startInstant();
  }

  static Properties read(Path stateFile) throws IOException {
    Properties state = new Properties();
    if (Files.exists(stateFile)) {
      try (InputStream in = Files.newInputStream(stateFile)) {
        state.load(in);
      }
    }
    return state;
  }
}
