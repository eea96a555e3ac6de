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
import org.roundtable.core.testing.ThirdPartyPlugin;
import org.roundtable.devservers.DevelopmentDatabase;
import org.roundtable.steps.crypto.FieldEncryption;
import org.roundtable.steps.migration.DatabaseSettings;

/**
 * The image as the Helm chart runs it, against a real, empty PostgreSQL on loopback: the image's
 * own migrator migrates it (the hook Job's command), the init container's command assembles the
 * application with an operator's plugin from a volume, then the image's own entrypoint starts
 * Payara Micro on that application with a read-only root, a fresh {@code /tmp} and uid 1000, and
 * {@code /health/ready} answers UP (also to the test pod's command). Runs the unpacked image with
 * bubblewrap (see {@link UnpackedImage}); skipped, saying why, only where umoci or bubblewrap is
 * not installed ({@code .ci/run} installs both).
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

  /** The Helm chart's init container runs exactly this command. */
  static final List<String> ASSEMBLE =
      List.of(
          "/opt/java/bin/java",
          "-cp",
          "/opt/roundtable/roundtable-launcher.jar",
          "org.roundtable.distribution.Assemble",
          "/var/roundtable/app/roundtable.war");

  /** The Helm test pod runs this, with the Service's address. */
  static final List<String> CHECK_READY =
      List.of(
          "/opt/java/bin/java",
          "-cp",
          "/opt/roundtable/roundtable-launcher.jar",
          "org.roundtable.distribution.CheckReady");

  /** Where the chart mounts the operator's plugin volume and the assembled application. */
  static final String PLUGINS = "/var/roundtable/plugins";

  static final String APP = "/var/roundtable/app";

  private static UnpackedImage image;
  private static DevelopmentDatabase database;
  private static Path logs;
  private static Path plugins;
  private static Path app;

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
    // An operator's own plugin, in the volume the chart mounts (a PVC, a ConfigMap, an image).
    plugins = Files.createDirectories(work.resolve("plugins"));
    Files.copy(
        ThirdPartyPlugin.build(work.resolve("plugin-build"), "greetings", "[1.0,2.0)"),
        plugins.resolve("greetings.jar"));
    app = Files.createDirectories(work.resolve("app"));
    database = DevelopmentDatabase.start(Optional.empty());
  }

  @AfterAll
  static void stopTheDatabase() throws IOException {
    if (database != null) {
      database.close();
    }
    // The unpacked image is 400 MB: a run leaves its logs, not a second copy of the image.
    Path work = Path.of(System.getProperty("roundtable.image.work"));
    UnpackedImage.deleteRecursively(work.resolve("bundle"));
    UnpackedImage.deleteRecursively(work.resolve("oci"));
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
  void theInitContainersAssemblyAddsAnOperatorsPluginOrRefusesOneThatCannotRun() throws Exception {
    Path refused = Files.createDirectories(plugins.getParent().resolve("refused-plugins"));
    Files.copy(
        ThirdPartyPlugin.build(
            plugins.getParent().resolve("refused-build"), "futuristic", "[2.0,3.0)"),
        refused.resolve("futuristic.jar"));
    Process refusing = assemble(refused, "assemble-refused.log");
    assertThat(refusing.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(refusing.exitValue()).isNotZero();
    assertThat(Files.readString(logs.resolve("assemble-refused.log")))
        .contains("'futuristic'", "needs plugin API [2.0,3.0)");
    assertThat(app.resolve("roundtable.war")).doesNotExist();

    Process assemble = assemble(plugins, "assemble.log");
    assertThat(assemble.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(assemble.exitValue()).as(Files.readString(logs.resolve("assemble.log"))).isZero();
    try (ZipFile war = new ZipFile(app.resolve("roundtable.war").toFile())) {
      assertThat(war.getEntry("WEB-INF/lib/greetings.jar")).isNotNull();
      assertThat(war.getEntry("WEB-INF/lib/boards.jar")).isNotNull();
      assertThat(war.getEntry("WEB-INF/lib/payments.jar")).isNotNull();
    }
  }

  @Test
  @Order(5)
  void theImageStartsTheAssembledApplicationAndIsReadyOnTheMigratedDatabase() throws Exception {
    DatabaseSettings db = database.settings();
    int port = freePort();
    List<String> command = new ArrayList<>(image.entrypointAndArgs());
    command.set(command.indexOf("--port") + 1, Integer.toString(port));
    // As the chart runs it when an operator adds plugins: the init container's WAR.
    command.set(command.indexOf("--deploy") + 1, APP + "/roundtable.war");
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
            List.of(new UnpackedImage.Mount(app, APP, true)),
            log);
    try {
      String ready = awaitReady(payara, port, log);
      System.out.printf(
          "The image answered /health/ready UP after %.1f s%n",
          (System.nanoTime() - started) / 1e9);
      assertThat(ready).contains("\"status\":\"UP\"").contains("\"database\"");
      assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
      assertThat(get(port, "/health/started").statusCode()).isEqualTo(200);
      // What the chart's ServiceMonitor scrapes.
      HttpResponse<String> metrics = get(port, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("# TYPE");
      assertThat(Files.readString(log)).contains("Plugins: ").contains("greetings");
      // The helm test pod's check, from the image itself.
      List<String> check = new ArrayList<>(CHECK_READY);
      check.add("http://127.0.0.1:" + port + "/health/ready");
      Process checking = image.start(check, Map.of(), logs.resolve("check-ready.log"));
      assertThat(checking.waitFor(1, TimeUnit.MINUTES)).isTrue();
      assertThat(checking.exitValue())
          .as(Files.readString(logs.resolve("check-ready.log")))
          .isZero();
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
            db.appUser(),
            "ROUNDTABLE_PLUGINS_DIR",
            PLUGINS),
        List.of(new UnpackedImage.Mount(plugins, PLUGINS, true)),
        logs.resolve(logName));
  }

  /** The init container's command, with {@code pluginFolder} as the operator's plugin volume. */
  private static Process assemble(Path pluginFolder, String logName) throws IOException {
    return image.start(
        ASSEMBLE,
        Map.of("ROUNDTABLE_PLUGINS_DIR", PLUGINS),
        List.of(
            new UnpackedImage.Mount(pluginFolder, PLUGINS, true),
            new UnpackedImage.Mount(app, APP, false)),
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
