package org.roundtable.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEST ONLY: another Payara Micro running the shipped WAR, configured exactly like Arquillian's
 * (its JVM options are read from {@code arquillian.xml}) but on a port of its own — a second pod of
 * the same installation.
 */
public final class PayaraInstance implements AutoCloseable {

  private final Process process;
  private final String url;

  private PayaraInstance(Process process, String url) {
    this.process = process;
    this.url = url;
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
    int port = TestDatabase.freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(arquillianJvmOptions());
    settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.addAll(
        List.of(
            "-jar",
            System.getProperty("payara.micro.jar"),
            "--deploy",
            System.getProperty("roundtable.test.war"),
            "--contextroot",
            "/",
            "--port",
            Integer.toString(port),
            "--nocluster",
            "--nohostaware"));
    Path log = Files.createTempFile("payara-second", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    String url = "http://localhost:" + port;
    PayaraInstance instance = new PayaraInstance(process, url);
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The second Payara stopped; see " + log);
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
    throw new IllegalStateException("The second Payara did not become ready; see " + log);
  }

  public String url() {
    return url;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** The {@code cmdOptions} of {@code arquillian.xml}, with system properties filled in. */
  private static List<String> arquillianJvmOptions() throws IOException {
    String xml;
    try (InputStream in = PayaraInstance.class.getResourceAsStream("/arquillian.xml")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher options =
        Pattern.compile("<property name=\"cmdOptions\">([^<]*)</property>").matcher(xml);
    if (!options.find()) {
      throw new IllegalStateException("arquillian.xml has no cmdOptions");
    }
    Matcher placeholder = Pattern.compile("\\$\\{([^}]+)}").matcher(options.group(1));
    StringBuilder filled = new StringBuilder();
    while (placeholder.find()) {
      placeholder.appendReplacement(
          filled, Matcher.quoteReplacement(System.getProperty(placeholder.group(1), "")));
    }
    placeholder.appendTail(filled);
    return List.of(filled.toString().strip().split("\\s+"));
  }
}
