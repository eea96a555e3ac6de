package org.roundtable.devservers;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.roundtable.steps.keycloak.KeycloakHttp;

/**
 * A real Keycloak for development and tests (never shipped in the WAR): the server distribution
 * from Maven Central, started as a process on loopback ports, storing its data in PostgreSQL, with
 * the provisioning client an operator would create (a service account that may only create realms).
 *
 * <p>Keycloak's own baseline is JDK 21+: it runs on the newest JDK found ({@code
 * roundtable.keycloak.java-home}, then {@code /usr/lib/jvm}), else on the current one.
 *
 * <p>Development only: the bootstrap admin and the provisioning secret below are fixed, dev-only
 * values on a loopback-only server.
 */
public final class DevelopmentKeycloak implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DevelopmentKeycloak.class.getName());

  public static final String ADMIN = "admin";
  public static final String DEV_ONLY_ADMIN_PASSWORD = "dev-only-admin-password";
  public static final String PROVISIONER = "roundtable-provisioner";
  public static final String DEV_ONLY_PROVISIONER_SECRET = "dev-only-provisioner-secret";

  /** Keycloak's client attribute for access tokens without roles or other claims. */
  public static final String LIGHTWEIGHT_ACCESS_TOKEN =
      "client.use.lightweight.access.token.enabled";

  private static final String BUILD_OPTIONS = "--db=postgres --health-enabled=true";

  private final ProcessHandle process;
  private final int port;

  private DevelopmentKeycloak(ProcessHandle process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Entries of Keycloak's realms cache: about 100 a council, for 1,000 councils. */
  static final int REALMS_CACHE_ENTRIES = 100_000;

  /**
   * Builds (once per distribution folder) and starts Keycloak.
   *
   * @param home the unpacked distribution ({@code keycloak-26.x})
   * @param jdbcUrl its PostgreSQL database
   * @param user database user
   * @param password database password
   * @param port the HTTP port, or 0 for a free one
   * @param log where Keycloak's output goes
   */
  public static DevelopmentKeycloak start(
      Path home, String jdbcUrl, String user, String password, int port, Path log)
      throws IOException {
    Path javaHome = javaHome();
    build(home, javaHome);
    int httpPort = port == 0 ? freePort() : port;
    int managementPort = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                home.resolve("bin/kc.sh").toString(),
                "start",
                "--optimized",
                // One Keycloak, so a local cache: the default clustered one looks for peers through
                // the database, and the row of a Keycloak that did not stop cleanly cost the next
                // start about 25 s of join timeouts.
                "--cache=local",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--hostname=http://localhost:" + httpPort,
                "--db-url=" + jdbcUrl,
                "--db-username=" + user,
                "--db-password=" + password));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", javaHome.toString());
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", DEV_ONLY_ADMIN_PASSWORD);
    // Keycloak reads its settings from the environment too (KC_CACHE_EMBEDDED_REALMS_MAX_COUNT,
    // JAVA_OPTS_APPEND, ...): a heap set there wins over this development default.
    env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    // A realm per council: Keycloak's realms cache (10,000 entries by default, least recently used
    // out first) overflows at about 400 councils, and then creating one stalls for 10 s and more
    // while the master realm's data is read again. Room for 1,000 councils (bench/README.md).
    env.putIfAbsent("KC_CACHE_EMBEDDED_REALMS_MAX_COUNT", Integer.toString(REALMS_CACHE_ENTRIES));
    DevelopmentKeycloak keycloak = new DevelopmentKeycloak(builder.start().toHandle(), httpPort);
    try {
      keycloak.awaitReady(managementPort, Duration.ofMinutes(3), log);
      keycloak.ensureProvisioner();
    } catch (IOException | RuntimeException e) {
      keycloak.close();
      throw e;
    }
    return keycloak;
  }

  /**
   * A Keycloak another JVM of the same build started and left running (the test servers of one
   * build are shared by its modules): its start script's process and its HTTP port.
   */
  public static DevelopmentKeycloak attach(ProcessHandle process, int port) {
    return new DevelopmentKeycloak(process, port);
  }

  /** The start script's process (Keycloak's JVM is its child). */
  public ProcessHandle process() {
    return process;
  }

  /** The HTTP port. */
  public int port() {
    return port;
  }

  /** Keycloak's own JVM (the start script runs it as a child), for measuring its memory. */
  public Optional<ProcessHandle> server() {
    return process
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .findFirst();
  }

  /** Keycloak's URL, as browsers and token issuers see it (also used internally here). */
  public String url() {
    return "http://localhost:" + port;
  }

  /** An admin token of the master realm (development and tests only). */
  /** A token of the provisioning client, as the platform gets one. */
  public String provisioningToken() throws IOException {
    return KeycloakHttp.clientCredentials(
        url(), "master", PROVISIONER, DEV_ONLY_PROVISIONER_SECRET);
  }

  public String adminToken() throws IOException {
    return KeycloakHttp.token(
        url(),
        "master",
        Map.of(
            "grant_type",
            "password",
            "client_id",
            "admin-cli",
            "username",
            ADMIN,
            "password",
            DEV_ONLY_ADMIN_PASSWORD));
  }

  /**
   * Creates a user with a password and one realm role, if no user of that name exists (development
   * demo users and test users only).
   */
  public void ensureUser(String realm, String username, String role, String password)
      throws IOException {
    ensureUser(realm, username, password, java.util.List.of(role));
  }

  /**
   * Creates a user with a password and these realm roles, if no user of that name exists (tests
   * only: a person holding every role).
   */
  public void ensureUser(
      String realm, String username, String password, java.util.List<String> roles)
      throws IOException {
    String role = roles.get(0);
    String token = adminToken();
    String query =
        url()
            + "/admin/realms/"
            + realm
            + "/users?exact=true&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8);
    if (!KeycloakHttp.getJson(query, token).asJsonArray().isEmpty()) {
      return;
    }
    KeycloakHttp.createUser(
        url(),
        token,
        realm,
        Json.createObjectBuilder()
            .add("username", username)
            .add("email", username + "@" + realm + ".example")
            .add("firstName", role.substring(0, 1).toUpperCase() + role.substring(1))
            .add("lastName", "of " + realm)
            .add("emailVerified", true)
            .add("enabled", true)
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", password)
                            .add("temporary", false)))
            .build(),
        roles);
  }

  /**
   * Creates, if missing, the confidential client whose service account holds only {@code
   * create-realm} in the master realm: what the platform provisions tenants' realms with.
   */
  private void ensureProvisioner() throws IOException {
    String token = adminToken();
    String clients = url() + "/admin/realms/master/clients";
    JsonArray existing =
        KeycloakHttp.getJson(
                clients + "?clientId=" + URLEncoder.encode(PROVISIONER, StandardCharsets.UTF_8),
                token)
            .asJsonArray();
    if (!existing.isEmpty()) {
      // Made by an earlier version: its tokens must not grow with every realm (ADR 0017).
      JsonObject client = existing.getJsonObject(0);
      if (!"true"
          .equals(
              client.getJsonObject("attributes").getString(LIGHTWEIGHT_ACCESS_TOKEN, "false"))) {
        KeycloakHttp.put(
            clients + "/" + KeycloakHttp.segment(client.getString("id")),
            token,
            Json.createObjectBuilder(client)
                .add(
                    "attributes",
                    Json.createObjectBuilder(client.getJsonObject("attributes"))
                        .add(LIGHTWEIGHT_ACCESS_TOKEN, "true"))
                .build()
                .toString());
      }
      return;
    }
    KeycloakHttp.post(
        clients,
        token,
        Json.createObjectBuilder()
            .add("clientId", PROVISIONER)
            .add("enabled", true)
            .add("publicClient", false)
            .add("secret", DEV_ONLY_PROVISIONER_SECRET)
            .add("serviceAccountsEnabled", true)
            .add("standardFlowEnabled", false)
            .add("directAccessGrantsEnabled", false)
            // Keycloak makes the account that creates a realm its administrator: with roles in
            // its access tokens they grew by every realm until Keycloak refused them (431).
            .add("attributes", Json.createObjectBuilder().add(LIGHTWEIGHT_ACCESS_TOKEN, "true"))
            .build()
            .toString());
    String id = KeycloakHttp.firstId(clients + "?clientId=" + PROVISIONER, token);
    String user =
        KeycloakHttp.getJson(clients + "/" + id + "/service-account-user", token)
            .asJsonObject()
            .getString("id");
    JsonObject createRealm =
        KeycloakHttp.getJson(url() + "/admin/realms/master/roles/create-realm", token)
            .asJsonObject();
    KeycloakHttp.post(
        url() + "/admin/realms/master/users/" + user + "/role-mappings/realm",
        token,
        Json.createArrayBuilder().add(createRealm).build().toString());
    LOG.info("Created the provisioning client " + PROVISIONER);
  }

  private void awaitReady(int managementPort, Duration timeout, Path log) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("Keycloak stopped during start-up; see " + log);
      }
      // Both ports: health once said UP while the public port had failed to bind.
      if (answers(http, "http://127.0.0.1:" + managementPort + "/health/ready")
          && answers(http, url() + "/realms/master")) {
        return;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while waiting for Keycloak", e);
      }
    }
    throw new IOException(
        "Keycloak was not ready within " + timeout.toSeconds() + " s; see " + log);
  }

  private static boolean answers(HttpClient http, String url) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs Quarkus' build step once per folder (about 30 s); later starts use {@code --optimized}.
   */
  private static void build(Path home, Path javaHome) throws IOException {
    Path marker = home.resolve(".roundtable-build");
    if (Files.exists(marker) && Files.readString(marker).equals(BUILD_OPTIONS)) {
      return;
    }
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
    command.addAll(List.of(BUILD_OPTIONS.split(" ")));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", javaHome.toString());
    Path log = home.resolve("build.log");
    builder.redirectOutput(log.toFile());
    LOG.info("Building Keycloak in " + home + " (once)");
    try {
      Process build = builder.start();
      if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
        throw new IOException("Keycloak's build step failed; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while building Keycloak", e);
    }
    Files.writeString(marker, BUILD_OPTIONS);
  }

  /** The JDK to run Keycloak on: the configured one, else the newest under /usr/lib/jvm. */
  static Path javaHome() {
    Optional<String> configured =
        Optional.ofNullable(System.getProperty("roundtable.keycloak.java-home"))
            .or(() -> Optional.ofNullable(System.getenv("ROUNDTABLE_KEYCLOAK_JAVA_HOME")))
            .filter(v -> !v.isBlank());
    if (configured.isPresent()) {
      return Path.of(configured.get());
    }
    Path current = Path.of(System.getProperty("java.home"));
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return current;
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes
          .filter(h -> Files.isExecutable(h.resolve("bin/java")))
          .filter(h -> featureVersion(h) >= 21)
          .max((a, b) -> Integer.compare(featureVersion(a), featureVersion(b)))
          .orElse(current);
    } catch (IOException e) {
      return current;
    }
  }

  private static int featureVersion(Path javaHome) {
    try {
      for (String line : Files.readAllLines(javaHome.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Integer.parseInt(version.split("[.+-]")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    Processes.stop(process);
  }
}
