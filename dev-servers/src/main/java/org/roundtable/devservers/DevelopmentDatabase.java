package org.roundtable.devservers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.roundtable.steps.migration.DatabaseSettings;

/**
 * An embedded PostgreSQL for development and tests (never shipped in the WAR): real PostgreSQL
 * binaries from Maven Central, on a free loopback port, with the platform's roles and database
 * created the way an operator creates them in production (see the Helm chart's README).
 *
 * <p>Development only: embedded PostgreSQL uses trust authentication on loopback, so the passwords
 * below are not checked. Never use these settings for a real installation.
 */
public final class DevelopmentDatabase implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DevelopmentDatabase.class.getName());

  /** Development-only role names and password: trust authentication, loopback only. */
  public static final String OWNER = "roundtable_owner";

  public static final String APP = "roundtable_app";
  public static final String BACKUP = "roundtable_backup";
  public static final String DEV_ONLY_PASSWORD = "dev-only-not-a-secret";
  public static final String DATABASE = "roundtable";

  /** The server this JVM started, or null when it attached to one another JVM started. */
  private final EmbeddedPostgres postgres;

  private final int port;

  private DevelopmentDatabase(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
  }

  /**
   * Starts PostgreSQL. With a data directory its data survives a restart; without one it lives in a
   * temporary directory and is removed on close.
   */
  public static DevelopmentDatabase start(Optional<Path> dataDirectory) throws IOException {
    return start(dataDirectory, 0);
  }

  /**
   * Starts PostgreSQL on a given port (0 for a free one): with a kept data directory, the same
   * server can be stopped and started again where clients expect it (the fault tests do).
   */
  public static DevelopmentDatabase start(Optional<Path> dataDirectory, int port)
      throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "200")
            .setServerConfig("fsync", dataDirectory.isPresent() ? "on" : "off");
    if (port != 0) {
      builder.setPort(port);
    }
    if (dataDirectory.isPresent()) {
      Path directory = dataDirectory.get().toAbsolutePath();
      Files.createDirectories(directory.getParent());
      StalePostmaster.stopIfRunning(directory);
      builder.setDataDirectory(directory).setCleanDataDirectory(false);
    }
    return prepared(builder.start());
  }

  /**
   * Starts PostgreSQL for a whole build (its modules' test runs share it): in a fresh data
   * directory, logging to a file, and left running when this JVM exits — whoever started it stops
   * it with {@link #stopServerOf(Path)}.
   */
  public static DevelopmentDatabase startDetached(Path dataDirectory, Path log) throws IOException {
    Files.createDirectories(dataDirectory.getParent());
    return prepared(
        EmbeddedPostgres.builder()
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "300")
            .setServerConfig("fsync", "off")
            .setDataDirectory(dataDirectory.toAbsolutePath())
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start());
  }

  private static DevelopmentDatabase prepared(EmbeddedPostgres postgres) throws IOException {
    DevelopmentDatabase database = new DevelopmentDatabase(postgres, postgres.getPort());
    database.createRolesAndDatabase();
    return database;
  }

  /** A PostgreSQL another JVM of the same build started (see {@link #startDetached}). */
  public static DevelopmentDatabase attach(int port) {
    return new DevelopmentDatabase(null, port);
  }

  /**
   * Stops the PostgreSQL serving a data directory, if one does (fast shutdown: open sessions are
   * ended), and waits for it.
   */
  public static void stopServerOf(Path dataDirectory) throws IOException {
    StalePostmaster.stopIfRunning(dataDirectory);
  }

  /** The port PostgreSQL listens on (loopback). */
  public int port() {
    return port;
  }

  /** JDBC URL of a database on this server. */
  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /** Settings for the platform's database on this server. */
  public DatabaseSettings settings() {
    return settings(DATABASE);
  }

  /** Settings for a platform database of another name on this server. */
  public DatabaseSettings settings(String database) {
    return new DatabaseSettings(url(database), OWNER, DEV_ONLY_PASSWORD, APP, DEV_ONLY_PASSWORD);
  }

  /** The superuser, for test set-up only. */
  public DataSource superuser(String database) {
    if (postgres != null) {
      return postgres.getDatabase("postgres", database);
    }
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(url(database));
    source.setUser("postgres");
    return source;
  }

  /** Creates a fresh database owned by the owner role (tests use one per scenario). */
  public void createDatabase(String name) throws SQLException {
    try (Connection c = superuser("postgres").getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + identifier(name) + " OWNER " + OWNER);
      s.execute("REVOKE ALL ON DATABASE " + identifier(name) + " FROM PUBLIC");
      s.execute("GRANT CONNECT ON DATABASE " + identifier(name) + " TO " + APP + ", " + BACKUP);
    }
  }

  /** Creates, if missing, a login role owning a database of the same name (Keycloak's store). */
  public void createRoleAndDatabase(String name) throws SQLException {
    String role = identifier(name);
    try (Connection c = superuser("postgres").getConnection();
        Statement s = c.createStatement()) {
      createRole(s, role, "NOSUPERUSER NOCREATEDB NOCREATEROLE");
      try (var rows = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + role + "'")) {
        if (rows.next()) {
          return;
        }
      }
      s.execute("CREATE DATABASE " + role + " OWNER " + role);
    }
  }

  /**
   * Creates, if missing: the owner role (NOSUPERUSER, BYPASSRLS), the application role
   * (NOSUPERUSER, NOBYPASSRLS, owns nothing), the backup role (BYPASSRLS, read-only by grant) and
   * the database. Idempotent.
   */
  private void createRolesAndDatabase() throws IOException {
    try (Connection c = superuser("postgres").getConnection();
        Statement s = c.createStatement()) {
      createRole(s, OWNER, "NOSUPERUSER NOCREATEDB NOCREATEROLE BYPASSRLS");
      createRole(s, APP, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
      createRole(s, BACKUP, "NOSUPERUSER NOCREATEDB NOCREATEROLE BYPASSRLS");
      boolean exists;
      try (var rows =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        exists = rows.next();
      }
      if (!exists) {
        createDatabase(DATABASE);
        LOG.info("Created database " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IOException("Cannot prepare the development database: " + e.getMessage(), e);
    }
  }

  private static void createRole(Statement s, String role, String attributes) throws SQLException {
    try (var rows = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
      if (rows.next()) {
        return;
      }
    }
    s.execute(
        "CREATE ROLE " + role + " LOGIN " + attributes + " PASSWORD '" + DEV_ONLY_PASSWORD + "'");
  }

  private static String identifier(String name) {
    return DatabaseSettings.requireRoleName(name);
  }

  @Override
  public void close() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }
}
