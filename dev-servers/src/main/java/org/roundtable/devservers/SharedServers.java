package org.roundtable.devservers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The PostgreSQL and Keycloak one build shares between the test runs of its modules: the first
 * module's run starts them and leaves them running, later modules' runs attach to them, and a
 * {@link BuildReaper} stops them when the build's process ends. Each module still gets a platform
 * database of its own; Keycloak's realms are shared (the platform provisions them idempotently, as
 * it does on every start). A build is the nearest JVM above the test JVM (Maven's, or an IDE's).
 *
 * <p>The state lives in one folder ({@code roundtable.test.run-dir}, under the top project's {@code
 * target}); a file lock keeps two test JVMs from starting servers at once. Servers left by a build
 * that has gone (its reaper killed too) are stopped and their data removed. If another build still
 * running owns the folder, this run gets nothing and starts servers of its own.
 */
public final class SharedServers implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SharedServers.class.getName());

  private final Path directory;
  private final FileChannel lockFile;
  private final FileLock lock;
  private final Properties state;
  private final ProcessHandle build;

  private SharedServers(
      Path directory, FileChannel lockFile, FileLock lock, Properties state, ProcessHandle build) {
    this.directory = directory;
    this.lockFile = lockFile;
    this.lock = lock;
    this.state = state;
    this.build = build;
  }

  /**
   * Takes the build's servers folder, or empty when the test JVM has no build above it or another
   * live build owns the folder. Close it (it writes the state and lets go of the lock) once the
   * servers this run needs are started or attached.
   */
  public static Optional<SharedServers> open(Path directory) throws IOException {
    Optional<ProcessHandle> build = buildProcess();
    if (build.isEmpty()) {
      return Optional.empty();
    }
    Files.createDirectories(directory);
    FileChannel lockFile =
        FileChannel.open(
            directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = lockFile.lock();
    Path stateFile = directory.resolve("servers.properties");
    Properties state = BuildReaper.read(stateFile);
    Optional<ProcessHandle> owner =
        BuildReaper.process(state, BuildReaper.BUILD_PID, BuildReaper.BUILD_STARTED);
    if (owner.isPresent() && !isOrRuns(owner.get(), build.get())) {
      lock.release();
      lockFile.close();
      LOG.info("Another build owns " + directory + ": this run starts servers of its own");
      return Optional.empty();
    }
    if (owner.isEmpty() && !state.isEmpty()) {
      LOG.info("Stopping the servers of a build that has ended, in " + directory);
      BuildReaper.stopServers(stateFile);
      state.clear();
    }
    return Optional.of(new SharedServers(directory, lockFile, lock, state, build.get()));
  }

  /**
   * Whether the owning build is this build or runs it: a build started by one of the owner's tests
   * (the archetype's generated plugin, verified inside the project's build) shares its servers.
   */
  private static boolean isOrRuns(ProcessHandle owner, ProcessHandle build) {
    Optional<ProcessHandle> process = Optional.of(build);
    while (process.isPresent()) {
      if (process.get().pid() == owner.pid()) {
        return true;
      }
      process = process.get().parent();
    }
    return false;
  }

  /** The nearest JVM above this one: the build tool (or IDE) that forked the test JVM. */
  private static Optional<ProcessHandle> buildProcess() {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    while (parent.isPresent()) {
      boolean java = parent.get().info().command().map(c -> c.endsWith("/java")).orElse(false);
      if (java) {
        return parent;
      }
      parent = parent.get().parent();
    }
    return Optional.empty();
  }

  /** The build's PostgreSQL: attached to if it runs, else started (with the reaper). */
  public DevelopmentDatabase database() throws IOException {
    String port = state.getProperty(BuildReaper.POSTGRES_PORT);
    if (port != null) {
      return DevelopmentDatabase.attach(Integer.parseInt(port));
    }
    Path data = directory.resolve("postgres");
    DevelopmentDatabase database =
        DevelopmentDatabase.startDetached(data, directory.resolve("postgres.log"));
    state.setProperty(BuildReaper.BUILD_PID, Long.toString(build.pid()));
    state.setProperty(BuildReaper.BUILD_STARTED, started(build));
    state.setProperty(BuildReaper.POSTGRES_PORT, Integer.toString(database.port()));
    state.setProperty(BuildReaper.POSTGRES_DATA, data.toAbsolutePath().toString());
    save();
    startReaper();
    return database;
  }

  /**
   * A new platform database for this run, on the build's PostgreSQL: the first run uses the one the
   * server was prepared with, later ones get a fresh one each (a module's tests find only what they
   * made).
   */
  public String newPlatformDatabase(DevelopmentDatabase database) throws SQLException {
    int used = Integer.parseInt(state.getProperty(BuildReaper.DATABASES, "0"));
    state.setProperty(BuildReaper.DATABASES, Integer.toString(used + 1));
    if (used == 0) {
      return DevelopmentDatabase.DATABASE;
    }
    String name = DevelopmentDatabase.DATABASE + "_" + (used + 1);
    database.createDatabase(name);
    return name;
  }

  /** The build's running Keycloak, if there is one. */
  public Optional<DevelopmentKeycloak> keycloak() {
    return BuildReaper.process(state, BuildReaper.KEYCLOAK_PID, BuildReaper.KEYCLOAK_STARTED)
        .map(
            process ->
                DevelopmentKeycloak.attach(
                    process, Integer.parseInt(state.getProperty(BuildReaper.KEYCLOAK_PORT))));
  }

  /**
   * Records the build's Keycloak (started, or started again), so later runs and the reaper find it.
   */
  public void keycloakStarted(DevelopmentKeycloak keycloak) throws IOException {
    state.setProperty(BuildReaper.KEYCLOAK_PID, Long.toString(keycloak.process().pid()));
    state.setProperty(BuildReaper.KEYCLOAK_STARTED, started(keycloak.process()));
    state.setProperty(BuildReaper.KEYCLOAK_PORT, Integer.toString(keycloak.port()));
    save();
  }

  /** Where the shared servers log. */
  public Path directory() {
    return directory;
  }

  private static String started(ProcessHandle process) {
    return BuildReaper.startOf(process)
        .map(Instant::toString)
        .orElseThrow(() -> new IllegalStateException("No start time for process " + process));
  }

  private void startReaper() throws IOException {
    Path code;
    try {
      code = Path.of(BuildReaper.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    new ProcessBuilder(
            List.of(
                java,
                "-Xmx16m",
                "-cp",
                code.toString(),
                BuildReaper.class.getName(),
                directory.resolve("servers.properties").toAbsolutePath().toString()))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("reaper.log").toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
  }

  private void save() throws IOException {
    try (OutputStream out = Files.newOutputStream(directory.resolve("servers.properties"))) {
      state.store(out, "The development servers this build shares between its modules' tests");
    }
  }

  /** Writes the state and lets the next run in. */
  @Override
  public void close() throws IOException {
    save();
    lock.release();
    lockFile.close();
  }
}
