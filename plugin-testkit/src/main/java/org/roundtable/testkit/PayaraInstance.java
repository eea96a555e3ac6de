package org.roundtable.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.roundtable.devservers.PayaraBoot;

/**
 * TEST ONLY: a Payara Micro running the application under test ({@code roundtable.test.war}) with
 * the run's servers — the module's shared application, or a second pod of the same installation on
 * a port of its own.
 */
public final class PayaraInstance implements AutoCloseable {

  private final Process process;
  private final String url;
  private final Path log;

  private PayaraInstance(Process process, String url, Path log) {
    this.process = process;
    this.url = url;
    this.log = log;
  }

  public static PayaraInstance start() throws IOException, InterruptedException {
    return start(java.util.Map.of());
  }

  /**
   * Another pod with some settings of its own (system properties that win over Arquillian's), for
   * example its own database.
   */
  public static PayaraInstance start(java.util.Map<String, String> settings)
      throws IOException, InterruptedException {
    return start(settings, TestServers.freePort(), Optional.empty());
  }

  /**
   * Another pod running an application of its own (a WAR assembled with other plugins, or other
   * versions of them), with its own settings.
   */
  public static PayaraInstance start(java.util.Map<String, String> settings, Path war)
      throws IOException, InterruptedException {
    return start(settings, TestServers.freePort(), Optional.of(war));
  }

  /** The module's shared application, on the port the realms know. */
  static PayaraInstance startOn(int port) throws IOException, InterruptedException {
    return start(java.util.Map.of(), port, Optional.empty());
  }

  private static PayaraInstance start(
      java.util.Map<String, String> settings, int port, Optional<Path> war)
      throws IOException, InterruptedException {
    try {
      return launch(settings, port, war);
    } catch (BootFailed e) {
      // Payara's own boot race (PayaraBoot), before the application is deployed: nothing of the
      // application under test is involved, so once more.
      System.out.println(
          "Payara Micro failed to boot before deploying (see " + e.log + "); starting it again");
      return launch(settings, port, war);
    }
  }

  private static PayaraInstance launch(
      java.util.Map<String, String> settings, int port, Optional<Path> war)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions());
    // Appended last, so they override the quick-start options above: a benchmark runs the
    // server as production does (-Droundtable.test.payara.jvm-options="-XX:TieredStopAtLevel=4").
    String extra = System.getProperty("roundtable.test.payara.jvm-options", "").strip();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.addAll(
        List.of(
            "-jar",
            System.getProperty("payara.micro.jar"),
            "--deploy",
            war.map(Path::toString)
                .orElseGet(
                    () ->
                        System.getProperty(
                            "roundtable.test.app-war", System.getProperty("roundtable.test.war"))),
            "--contextroot",
            "/",
            "--port",
            Integer.toString(port),
            "--nocluster",
            "--nohostaware"));
    // In the module's target (java.io.tmpdir as the build sets it, read now: the JDK's own
    // temporary folder is fixed at its start) and named in the build's output.
    Path log =
        Files.createTempFile(
            Path.of(System.getProperty("java.io.tmpdir")), "payara-" + port + "-", ".log");
    System.out.println("Payara Micro on port " + port + " logs to " + log.toAbsolutePath());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // Payara's embedded Hazelcast would report to its vendor at every start (as in the chart).
    builder.environment().put("HZ_PHONE_HOME_ENABLED", "false");
    Process process = builder.start();
    String url = "http://localhost:" + port;
    PayaraInstance instance = new PayaraInstance(process, url, log);
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara stopped; see " + log);
      }
      if (bootFailed(log)) {
        instance.close();
        throw new BootFailed(log);
      }
      try {
        HttpResponse<Void> ready =
            client.send(
                HttpRequest.newBuilder(URI.create(url + "/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return instance;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(500);
    }
    instance.close();
    throw new IllegalStateException("Payara did not become ready; see " + log);
  }

  /** Payara Micro's kernel gave up before deploying anything. */
  private static final class BootFailed extends IllegalStateException {

    private final transient Path log;

    BootFailed(Path log) {
      super("Payara Micro failed to boot; see " + log);
      this.log = log;
    }
  }

  private static boolean bootFailed(Path log) throws IOException {
    try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
      return lines.anyMatch(PayaraBoot::failed);
    }
  }

  public String url() {
    return url;
  }

  /**
   * The last warnings and errors the application logged (its JSON lines), for a failing test to say
   * what the pod saw: the log file is gone with the build machine.
   */
  public String lastWarnings(int most) {
    try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.UTF_8)) {
      List<String> warnings =
          lines
              .filter(
                  l -> l.contains("\"level\":\"WARNING\"") || l.contains("\"level\":\"SEVERE\""))
              .map(l -> l.length() > 600 ? l.substring(0, 600) + "…" : l)
              .toList();
      return String.join(
          "\n", warnings.subList(Math.max(0, warnings.size() - most), warnings.size()));
    } catch (IOException | java.io.UncheckedIOException e) {
      return "(the log " + log + " could not be read: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /**
   * The application's settings for this run (the core's {@code arquillian.xml} holds the same for
   * its in-container tests): a small, quickly started JVM, and every server of the run.
   */
  static List<String> jvmOptions() {
    String app = System.getProperty("roundtable.test.app.port");
    String keycloak = System.getProperty("roundtable.test.keycloak.url");
    return List.of(
        "-Xmx512m",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
        "-Droundtable.db.url=" + System.getProperty("roundtable.test.db.url"),
        "-Droundtable.db.app-user=" + System.getProperty("roundtable.test.db.app-user"),
        "-Droundtable.db.app-password=" + System.getProperty("roundtable.test.db.app-password"),
        "-Droundtable.test.db.url=" + System.getProperty("roundtable.test.db.url"),
        "-Droundtable.test.db.owner-user=" + System.getProperty("roundtable.test.db.owner-user"),
        "-Droundtable.test.db.owner-password="
            + System.getProperty("roundtable.test.db.owner-password"),
        "-Droundtable.tenants.dir=" + System.getProperty("roundtable.test.tenants.dir"),
        "-Droundtable.keycloak.internal-url=" + keycloak,
        "-Droundtable.keycloak.public-url=" + keycloak,
        "-Droundtable.keycloak.provisioner.client-secret=dev-only-provisioner-secret",
        "-Droundtable.mail.host=127.0.0.1",
        "-Droundtable.mail.port=" + System.getProperty("roundtable.test.smtp.port"),
        "-Droundtable.mail.from=roundtable@test.example",
        "-Droundtable.crypto.keys=test=" + System.getProperty("roundtable.test.crypto.key"),
        "-Droundtable.crypto.active-key=test",
        "-Droundtable.app.public-url=http://localhost:" + app,
        "-Droundtable.web.secure-cookies=false",
        "-Droundtable.log.access=false",
        "-Droundtable.web.session.refresh-seconds=2");
  }
}
