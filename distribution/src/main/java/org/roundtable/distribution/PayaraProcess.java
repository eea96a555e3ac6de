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
import org.roundtable.steps.migration.DatabaseSettings;

/**
 * Payara Micro serving the application, as a child process. Its database settings travel in the
 * child's environment (never on its command line, where {@code ps} would show a password).
 */
final class PayaraProcess {

  private final Process process;
  private final int port;
  private final Duration readyTimeout;

  private PayaraProcess(Process process, int port, Duration readyTimeout) {
    this.process = process;
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
    Path root = settings.dataDir().resolve("payara");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(Arrays.asList(settings.javaOptions().trim().split("\\s+")));
    command.add("-Djava.io.tmpdir=" + root.resolve("tmp"));
    command.addAll(
        List.of(
            "-jar",
            app.resolve("payara-micro.jar").toString(),
            "--nocluster",
            "--port",
            Integer.toString(settings.port()),
            "--rootdir",
            root.resolve("root").toString(),
            "--deploy",
            war.toString(),
            "--contextroot",
            "/"));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
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
      // The previous start's runtime folder would deploy its application first and answer
      // /health/ready before the new WAR replaces it: each start begins with none.
      org.roundtable.devservers.Folders.delete(root.resolve("root"));
      Files.createDirectories(root.resolve("tmp"));
      System.out.println("Starting Payara Micro on port " + settings.port() + " ...");
      return new PayaraProcess(builder.start(), settings.port(), readyTimeout);
    } catch (IOException e) {
      throw new StartException("Cannot start Payara Micro: " + e.getMessage());
    }
  }

  /** Waits until {@code /health/ready} answers UP; fails if Payara exits or takes too long. */
  void awaitReady() throws StartException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + readyTimeout.toNanos();
    while (System.nanoTime() < deadline) {
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

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
