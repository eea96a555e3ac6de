package org.roundtable.distribution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roundtable.devservers.PayaraBoot;
import org.roundtable.steps.migration.DatabaseSettings;

/**
 * Payara Micro serving the application, as a child process. Its database settings travel in the
 * child's environment (never on its command line, where {@code ps} would show a password).
 */
final class PayaraProcess {

  private final Process process;
  private final PayaraOutput output;
  private final PayaraRuntime runtime;
  private final List<String> javaOptions;
  private final int port;
  private final Duration readyTimeout;

  private PayaraProcess(
      Process process,
      PayaraRuntime runtime,
      List<String> javaOptions,
      int port,
      Duration readyTimeout) {
    this.process = process;
    this.output = PayaraOutput.follow(process, System.out);
    this.runtime = runtime;
    this.javaOptions = javaOptions;
    this.port = port;
    this.readyTimeout = readyTimeout;
  }

  static PayaraProcess start(
      LauncherSettings settings,
      DatabaseSettings database,
      Map<String, String> environment,
      Path app,
      Path war,
      Duration readyTimeout)
      throws StartException {
    Path payaraDir = settings.dataDir().resolve("payara");
    String java = ProcessHandle.current().info().command().orElse("java");
    // Payara runs on this JVM, so an archive made by it is named after this JVM's build.
    PayaraRuntime runtime =
        PayaraRuntime.prepare(
            app.resolve("payara-micro.jar"),
            payaraDir,
            java,
            Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_"));
    List<String> javaOptions = Arrays.asList(settings.javaOptions().trim().split("\\s+"));
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(javaOptions);
    command.addAll(runtime.sharingOptions(javaOptions));
    command.add("-Djava.io.tmpdir=" + payaraDir.resolve("tmp"));
    command.addAll(
        List.of(
            "-jar",
            runtime.launcher().toString(),
            "--nocluster",
            "--port",
            Integer.toString(settings.port()),
            "--deploy",
            war.toString(),
            "--contextroot",
            "/"));
    // Its output through the launcher, which watches it for Payara's boot race (PayaraBoot).
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.INHERIT)
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("ROUNDTABLE_DB_URL", database.url());
    env.put("ROUNDTABLE_DB_APP_USER", database.appUser());
    env.put("ROUNDTABLE_DB_APP_PASSWORD", database.appPassword());
    env.remove("ROUNDTABLE_DB_OWNER_PASSWORD");
    env.put("ROUNDTABLE_TENANTS_DIR", settings.tenantsDir().toString());
    // Payara's embedded Hazelcast would report the installation to its vendor at every start.
    env.put("HZ_PHONE_HOME_ENABLED", "false");
    env.putAll(environment);
    try {
      runtime.reset();
      Files.createDirectories(payaraDir.resolve("tmp"));
      System.out.println(
          "Starting Payara Micro on port "
              + settings.port()
              + (runtime.sharing(javaOptions) ? " (class data shared from an earlier start)" : "")
              + " ...");
      return new PayaraProcess(
          builder.start(), runtime, javaOptions, settings.port(), readyTimeout);
    } catch (IOException e) {
      throw new StartException("Cannot start Payara Micro: " + e.getMessage());
    }
  }

  /**
   * Waits until {@code /health/ready} answers UP; fails if Payara exits or takes too long, and with
   * {@link BootFailed} (having stopped it) if Payara's kernel gave up at boot.
   */
  void awaitReady() throws StartException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + readyTimeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (output.bootFailed()) {
        stop();
        throw new BootFailed();
      }
      if (!process.isAlive()) {
        throw new StartException(
            "Payara Micro stopped with status " + process.exitValue() + ": see its log above");
      }
      try {
        HttpResponse<String> response = client.send(ready, HttpResponse.BodyHandlers.ofString());
        if (CheckReady.isReady(response.statusCode(), response.body())) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StartException("Interrupted while waiting for Payara Micro");
      }
      sleep();
    }
    throw new StartException(
        "Payara Micro was not ready within "
            + readyTimeout.toSeconds()
            + " s (is port "
            + port
            + " free? see its log above)");
  }

  int waitFor() {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  void stop() {
    org.roundtable.devservers.Processes.stop(process);
  }

  /**
   * Once Payara is ready: the class-data-sharing archive, when this start listed its classes for
   * one, written in the background for the next start.
   */
  Optional<Process> archiveClassesInBackground() {
    try {
      Optional<Process> dump = runtime.archiveInBackground(javaOptions);
      dump.ifPresent(
          p ->
              System.out.println(
                  "Writing a class-data-sharing archive for quicker starts (once, in the"
                      + " background) ..."));
      return dump;
    } catch (IOException e) {
      System.err.println("Could not start writing the class-data-sharing archive: " + e);
      return Optional.empty();
    }
  }

  /** Payara's kernel gave up before deploying anything ({@link PayaraBoot}); it was stopped. */
  static final class BootFailed extends StartException {

    BootFailed() {
      super(
          "Payara Micro failed to boot before deploying the application (a race in Payara's own"
              + " start-up, payara/Payara#6101): see its log above");
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
