package org.roundtable.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.roundtable.core.persistence.FieldEncryption;
import org.roundtable.core.persistence.dev.DevelopmentDatabase;
import org.roundtable.core.persistence.migration.DatabaseSettings;

/**
 * The image as an operator runs it, against a real, empty PostgreSQL on loopback: the image's own
 * migrator migrates it (the Helm hook Job's command), then the image's own entrypoint starts Payara
 * Micro with a read-only root, a fresh {@code /tmp} and uid 1000, and {@code /health/ready} answers
 * UP. Runs the unpacked image with bubblewrap (see {@link UnpackedImage}); skipped, saying why,
 * only where umoci or bubblewrap is not installed ({@code .ci/run} installs both).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageIT {

  /** The Helm chart's migration Job runs exactly this command. */
  static final List<String> MIGRATE =
      List.of(
          "/opt/java/bin/java",
          "-cp",
          "/opt/roundtable/roundtable-launcher.jar",
          "org.roundtable.distribution.Migrate");

  private static UnpackedImage image;
  private static DevelopmentDatabase database;
  private static Path logs;

  @BeforeAll
  static void unpackTheImage() throws Exception {
    String missing = UnpackedImage.missingTools();
    Assumptions.assumeTrue(
        missing.isEmpty(),
        "The image smoke test needs umoci and bubblewrap to run the image without a Docker"
            + " daemon; missing here: "
            + missing
            + " (Debian/Ubuntu: apt-get install umoci bubblewrap)");
    Path work = Path.of(System.getProperty("roundtable.image.work"));
    image = UnpackedImage.unpack(Path.of(System.getProperty("roundtable.image.tar")), work);
    logs = Files.createDirectories(work.resolve("logs"));
    database = DevelopmentDatabase.start(Optional.empty());
  }

  @AfterAll
  static void stopTheDatabase() throws IOException {
    if (database != null) {
      database.close();
    }
  }

  @Test
  @Order(1)
  void theImageIsMinimalUnprivilegedLabelledAndBundlesThePlugins() throws IOException {
    assertThat(image.config().getString("User")).isEqualTo("1000:1000");
    assertThat(image.labels())
        .containsEntry("org.opencontainers.image.version", System.getProperty("roundtable.version"))
        .containsEntry("org.opencontainers.image.licenses", "Apache-2.0")
        .containsKey("org.opencontainers.image.source");
    assertThat(image.entrypointAndArgs())
        .contains("--nocluster", "/opt/roundtable/app/roundtable.war")
        .doesNotContain("--addlibs");
    // A runtime, not a distribution: no shell, no package manager.
    assertThat(image.rootfs().resolve("bin/sh")).doesNotExist();
    assertThat(image.rootfs().resolve("usr/bin")).doesNotExist();
    try (ZipFile war =
        new ZipFile(image.rootfs().resolve("opt/roundtable/app/roundtable.war").toFile())) {
      assertThat(war.getEntry("WEB-INF/lib/boards.jar")).isNotNull();
      assertThat(war.getEntry("WEB-INF/lib/payments.jar")).isNotNull();
    }
  }

  @Test
  @Order(2)
  void aMigrationThatCannotConnectFailsTheStep() throws Exception {
    Process migrate = migrate("no_such_role", "wrong", "migrate-failing.log");

    assertThat(migrate.waitFor(2, TimeUnit.MINUTES)).isTrue();
    // A Job reads success from the exit status: a failed migration must never exit 0.
    assertThat(migrate.exitValue()).isNotZero();
    assertThat(Files.readString(logs.resolve("migrate-failing.log"))).contains("Migration failed");
    assertThat(tableExists("core_changelog")).isFalse();
  }

  @Test
  @Order(3)
  void theImagesMigratorMigratesAnEmptyDatabase() throws Exception {
    DatabaseSettings db = database.settings();
    Process migrate = migrate(db.ownerUser(), db.ownerPassword(), "migrate.log");

    assertThat(migrate.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(migrate.exitValue()).as(Files.readString(logs.resolve("migrate.log"))).isZero();
    assertThat(Files.readString(logs.resolve("migrate.log")))
        .contains("Roundtable schema is current");
    assertThat(tableExists("core_changelog")).isTrue();
    assertThat(tableExists("plugin_boards_changelog")).isTrue();
    assertThat(tableExists("payments_claim")).isTrue();
  }

  @Test
  @Order(4)
  void theImageStartsAndIsReadyOnTheMigratedDatabase() throws Exception {
    DatabaseSettings db = database.settings();
    int port = freePort();
    List<String> command = new ArrayList<>(image.entrypointAndArgs());
    command.set(command.indexOf("--port") + 1, Integer.toString(port));
    long started = System.nanoTime();
    Path log = logs.resolve("payara.log");
    Process payara =
        image.start(
            command,
            Map.of(
                "ROUNDTABLE_DB_URL",
                db.url(),
                "ROUNDTABLE_DB_APP_USER",
                db.appUser(),
                "ROUNDTABLE_DB_APP_PASSWORD",
                db.appPassword(),
                "ROUNDTABLE_CRYPTO_KEYS",
                "k1=" + FieldEncryption.newKey(),
                "ROUNDTABLE_CRYPTO_ACTIVE_KEY",
                "k1",
                "JDK_JAVA_OPTIONS",
                "-Xmx512m -Djava.io.tmpdir=/tmp"),
            log);
    try {
      String ready = awaitReady(payara, port, log);
      System.out.printf(
          "The image answered /health/ready UP after %.1f s%n",
          (System.nanoTime() - started) / 1e9);
      assertThat(ready).contains("\"status\":\"UP\"").contains("\"database\"");
      assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
      assertThat(get(port, "/health/started").statusCode()).isEqualTo(200);
    } finally {
      payara.destroy(); // SIGTERM, as Kubernetes stops a pod
      assertThat(payara.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** The image's migrator, as the Helm chart's Job runs it, with the given migration role. */
  private static Process migrate(String ownerUser, String ownerPassword, String logName)
      throws IOException {
    DatabaseSettings db = database.settings();
    return image.start(
        MIGRATE,
        Map.of(
            "ROUNDTABLE_DB_URL",
            db.url(),
            "ROUNDTABLE_DB_OWNER_USER",
            ownerUser,
            "ROUNDTABLE_DB_OWNER_PASSWORD",
            ownerPassword,
            "ROUNDTABLE_DB_APP_USER",
            db.appUser()),
        logs.resolve(logName));
  }

  private static String awaitReady(Process payara, int port, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(payara.isAlive()).as("Payara stopped: %s", tail(log)).isTrue();
      try {
        HttpResponse<String> response = get(port, "/health/ready");
        if (response.statusCode() == 200 && response.body().contains("\"database\"")) {
          return response.body();
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Not ready within 4 minutes: " + tail(log));
  }

  private static HttpResponse<String> get(int port, String path)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static boolean tableExists(String table) throws SQLException {
    DatabaseSettings db = database.settings();
    try (Connection owner =
            DriverManager.getConnection(db.url(), db.ownerUser(), db.ownerPassword());
        Statement s = owner.createStatement();
        ResultSet rows = s.executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
      rows.next();
      return rows.getBoolean(1);
    }
  }

  private static String tail(Path log) throws IOException {
    String text = Files.exists(log) ? Files.readString(log) : "";
    return text.substring(Math.max(0, text.length() - 4000));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
