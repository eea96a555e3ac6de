package org.roundtable.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.roundtable.devservers.DevelopmentDatabase;
import org.roundtable.devservers.DevelopmentKeycloak;
import org.roundtable.devservers.SharedServers;
import org.roundtable.steps.crypto.FieldEncryption;
import org.roundtable.steps.migration.DatabaseSettings;
import org.roundtable.steps.migration.Migrator;

/**
 * The real servers of one integration-test run, started before any test and stopped after the last
 * (a JUnit Platform listener, registered by the testkit's JAR): PostgreSQL migrated by the real
 * migrator with the core's and the plugins' changelogs, Keycloak storing its data in the same
 * PostgreSQL, an SMTP server, and — in a plugin's build ({@code roundtable.test.server=shared}) —
 * one Payara Micro running the core WAR assembled with the plugins under test, shared by every test
 * class of the module. Settings go to system properties ({@code roundtable.test.*}) before any test
 * runs. Unit-test runs (no {@code roundtable.test.database} property) start nothing.
 *
 * <p>Under a build ({@code roundtable.test.run-dir}), PostgreSQL and Keycloak are the build's:
 * started by the first module's run, attached to by the others ({@link SharedServers}); each run
 * still migrates a platform database of its own.
 */
public class TestServers implements TestExecutionListener {

  private static DevelopmentDatabase database;
  private static DevelopmentKeycloak keycloak;
  private static GreenMail mail;
  private static PayaraInstance application;
  private static IllegalStateException startFailure;

  /** The build's shared servers while this run starts or attaches to them, else null. */
  private static SharedServers shared;

  /** Whether the database and Keycloak belong to the build (left running) or to this run. */
  private static boolean serversShared;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    if (!"embedded".equals(System.getProperty("roundtable.test.database")) || database != null) {
      return;
    }
    java.util.concurrent.CompletableFuture<Void> identity = null;
    try {
      shared = openShared();
      DatabaseSettings settings;
      if (shared != null) {
        database = shared.database();
        settings = database.settings(shared.newPlatformDatabase(database));
      } else {
        database = DevelopmentDatabase.start(Optional.empty());
        settings = database.settings();
      }
      System.setProperty("roundtable.test.db.url", settings.url());
      System.setProperty("roundtable.test.db.app-user", settings.appUser());
      System.setProperty("roundtable.test.db.app-password", settings.appPassword());
      System.setProperty("roundtable.test.db.owner-user", settings.ownerUser());
      System.setProperty("roundtable.test.db.owner-password", settings.ownerPassword());
      // Keycloak (its own database on the same server) starts while the platform's schema migrates.
      identity =
          java.util.concurrent.CompletableFuture.runAsync(
              () -> {
                try {
                  startKeycloak();
                } catch (IOException | SQLException e) {
                  throw new java.util.concurrent.CompletionException(e);
                }
              });
      try (Connection owner = owner();
          URLClassLoader changelogs = CoreChangelogs.loader()) {
        // The plugins under test are on the class path, so their changelogs run after the core's.
        new Migrator(changelogs, settings.appUser()).migratePlatform(owner);
      }
      System.setProperty("roundtable.test.tenants.dir", RunFiles.copyTenants().toString());
      System.setProperty("roundtable.test.crypto.key", FieldEncryption.newKey());
      // One address for the application all run long: realms registered it as their redirect URI.
      System.setProperty("roundtable.test.app.port", Integer.toString(freePort()));
      RunFiles.assemblePluginUnderTest();
      startMail();
      awaitKeycloak(identity);
      // An in-container test's own Payara (Arquillian, the core's) listens apart from the shared
      // one.
      System.setProperty("roundtable.test.arquillian.port", Integer.toString(freePort()));
      if ("shared".equals(System.getProperty("roundtable.test.server"))) {
        // The shipped or assembled WAR stays as built: the test-only classes go into a copy, which
        // the shared application and second pods run from.
        Path app = Path.of(System.getProperty("java.io.tmpdir"), "application-under-test.war");
        Files.copy(
            Path.of(System.getProperty("roundtable.test.war")),
            app,
            StandardCopyOption.REPLACE_EXISTING);
        DeployedForTests.addTo(app, DeployedForTests.in(testPlan));
        System.setProperty("roundtable.test.app-war", app.toString());
        application = PayaraInstance.startOn(Integer.getInteger("roundtable.test.app.port"));
      }
    } catch (IOException | SQLException | RuntimeException e) {
      if (identity != null) {
        identity.exceptionally(ignored -> null).join(); // so the finish stops what did start
      }
      // JUnit only logs what a listener throws: keep it, so every test says why it cannot run.
      startFailure = new IllegalStateException("Cannot start the test servers: " + e, e);
      throw startFailure;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      startFailure = new IllegalStateException("Interrupted while starting the test servers", e);
      throw startFailure;
    } finally {
      releaseShared();
    }
  }

  /**
   * The application's public address in tests, the one the realms registered as their redirect
   * URIs, without a closing slash.
   */
  public static String publicUrl() {
    return "http://localhost:" + System.getProperty("roundtable.test.app.port");
  }

  /**
   * The application under test, shared by the module's test classes ({@code
   * roundtable.test.server=shared}): its public address, the one the realms know.
   */
  public static java.net.URL applicationUrl() {
    if (application == null) {
      throw notRunning("No shared application in this run: a plugin parent's build starts one");
    }
    try {
      return java.net.URI.create(application.url() + "/").toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A loopback port free now. */
  public static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void startMail() throws IOException {
    int port = freePort();
    mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    System.setProperty("roundtable.test.smtp.port", Integer.toString(port));
  }

  /** Stops the test SMTP server (a fault test: the relay is down). */
  public static void stopMail() {
    mail.stop();
  }

  /** Starts the test SMTP server again where it was, with nothing received. */
  public static void restartMail() {
    int port = Integer.parseInt(System.getProperty("roundtable.test.smtp.port"));
    mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
  }

  /** Stops the test Keycloak (a fault test: the identity provider is down). */
  public static void stopKeycloak() {
    keycloak.close();
  }

  /** Starts the test Keycloak again at the same address, with its data. */
  public static void restartKeycloak() throws IOException {
    int port = java.net.URI.create(System.getProperty("roundtable.test.keycloak.url")).getPort();
    keycloak =
        DevelopmentKeycloak.start(
            Path.of(System.getProperty("roundtable.test.keycloak.home")),
            database.url("keycloak"),
            "keycloak",
            DevelopmentDatabase.DEV_ONLY_PASSWORD,
            port,
            keycloakLog());
    if (serversShared) {
      try (SharedServers servers = openShared()) {
        if (servers != null) {
          servers.keycloakStarted(keycloak);
        }
      }
    }
  }

  private static Path keycloakLog() {
    return serversShared
        ? Path.of(System.getProperty("roundtable.test.run-dir"), "keycloak.log")
        : Path.of(System.getProperty("java.io.tmpdir"), "keycloak.log");
  }

  /**
   * The build's shared servers ({@code roundtable.test.run-dir}, set by the parent POMs), or null
   * when this run starts its own.
   */
  private static SharedServers openShared() throws IOException {
    String directory = System.getProperty("roundtable.test.run-dir");
    if (directory == null) {
      return null;
    }
    SharedServers servers = SharedServers.open(Path.of(directory)).orElse(null);
    serversShared = servers != null;
    return servers;
  }

  private static void releaseShared() {
    if (shared == null) {
      return;
    }
    try {
      shared.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      shared = null;
    }
  }

  /** The test SMTP server, to read what was sent. */
  public static GreenMail mail() {
    if (mail == null) {
      throw notRunning("The test mail server runs only under failsafe");
    }
    return mail;
  }

  private static void awaitKeycloak(java.util.concurrent.CompletableFuture<Void> identity)
      throws IOException {
    try {
      identity.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("Cannot start the test Keycloak", e.getCause());
    }
  }

  /** One real Keycloak for the run, storing its data in the same PostgreSQL. */
  private static void startKeycloak() throws IOException, SQLException {
    String home = System.getProperty("roundtable.test.keycloak.home");
    if (home == null) {
      return;
    }
    Optional<DevelopmentKeycloak> running = shared == null ? Optional.empty() : shared.keycloak();
    if (running.isPresent()) {
      keycloak = running.get();
      System.out.println("Keycloak shared by this build, at " + keycloak.url());
    } else {
      database.createRoleAndDatabase("keycloak");
      long started = System.nanoTime();
      keycloak =
          DevelopmentKeycloak.start(
              Path.of(home),
              database.url("keycloak"),
              "keycloak",
              DevelopmentDatabase.DEV_ONLY_PASSWORD,
              0,
              keycloakLog());
      System.out.printf(
          "Keycloak ready in %.1f s at %s%n", (System.nanoTime() - started) / 1e9, keycloak.url());
      if (shared != null) {
        shared.keycloakStarted(keycloak);
      }
    }
    System.setProperty("roundtable.test.keycloak.url", keycloak.url());
  }

  /** The running test Keycloak. */
  public static DevelopmentKeycloak keycloak() {
    if (keycloak == null) {
      throw notRunning("The test Keycloak runs only under failsafe");
    }
    return keycloak;
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (application != null) {
      try {
        application.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      application = null;
    }
    if (keycloak != null) {
      if (!serversShared) {
        keycloak.close();
      }
      keycloak = null;
    }
    if (mail != null) {
      mail.stop();
      mail = null;
    }
    if (database != null) {
      try {
        if (!serversShared) { // a shared one is left to the build's reaper
          database.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        database = null;
      }
    }
  }

  /** The running test database. */
  public static DevelopmentDatabase get() {
    if (database == null) {
      throw notRunning("The test database runs only under failsafe");
    }
    return database;
  }

  /** A connection as the owner (migration) role to the platform database. */
  public static Connection owner() throws SQLException {
    get();
    return ownerFromProperties();
  }

  /** The owner's connection from the run's properties (also inside a server the run started). */
  private static Connection ownerFromProperties() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("roundtable.test.db.url"),
        System.getProperty("roundtable.test.db.owner-user"),
        System.getProperty("roundtable.test.db.owner-password"));
  }

  /** Runs one statement as the owner role, which owns the tables (test set-up only). */
  public static void ownerSql(String sql) throws SQLException {
    try (Connection owner = ownerFromProperties();
        java.sql.Statement statement = owner.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The first column of the first row of a query run as the owner role (test checks only). */
  public static String ownerQuery(String sql) throws SQLException {
    try (Connection owner = ownerFromProperties();
        java.sql.Statement statement = owner.createStatement();
        java.sql.ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  /** The run's data key, as the application has it (key id {@code test}), to check sealed rows. */
  public static FieldEncryption dataKey() {
    return FieldEncryption.of("test=" + System.getProperty("roundtable.test.crypto.key"), "test");
  }

  private static IllegalStateException notRunning(String why) {
    return startFailure != null ? startFailure : new IllegalStateException(why);
  }
}
