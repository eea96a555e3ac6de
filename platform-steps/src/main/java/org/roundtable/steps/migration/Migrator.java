package org.roundtable.steps.migration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Migrates the schema: a plain Java step of its own, run as the owner role before the application
 * starts (by the run command, and by a Kubernetes hook Job). The application never runs DDL.
 *
 * <p>The owner role owns the schema and has BYPASSRLS (not superuser), so changesets that change
 * data see every tenant's rows: with row-level security forced, an owner without it would silently
 * change none.
 *
 * <p>Command line: {@code java -cp ... org.roundtable.steps.migration.Migrator}, with {@code
 * ROUNDTABLE_DB_URL}, {@code ROUNDTABLE_DB_OWNER_USER}, {@code ROUNDTABLE_DB_OWNER_PASSWORD} and
 * {@code ROUNDTABLE_DB_APP_USER} (the role to grant to) in the environment or as system properties
 * ({@code roundtable.db.url}, ...). Exits non-zero on any failure.
 */
public final class Migrator {

  private static final Logger LOG = Logger.getLogger(Migrator.class.getName());

  private final ClassLoader classLoader;
  private final String appRole;

  /**
   * @param classLoader where changelogs are read from
   * @param appRole the application role that changesets grant privileges to
   */
  public Migrator(ClassLoader classLoader, String appRole) {
    this.classLoader = classLoader;
    this.appRole = DatabaseSettings.requireRoleName(appRole);
  }

  /**
   * Migrates the platform: the core's changelog, then those of the plugins this migrator's class
   * loader offers, in dependency order.
   *
   * @throws org.roundtable.steps.plugins.PluginProblem when the plugins cannot run together
   */
  public void migratePlatform(Connection ownerConnection) {
    migrate(
        ownerConnection,
        org.roundtable.steps.plugins.Plugins.changelogs(
            org.roundtable.steps.plugins.Plugins.discover(classLoader)));
  }

  /** Runs each changelog in order on {@code ownerConnection}; stops at the first failure. */
  public void migrate(Connection ownerConnection, List<ChangelogSet> changelogs) {
    for (ChangelogSet changelog : changelogs) {
      migrate(ownerConnection, changelog);
    }
  }

  private void migrate(Connection connection, ChangelogSet changelog) {
    try {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      database.setDatabaseChangeLogTableName(changelog.historyTable());
      database.setDatabaseChangeLogLockTableName(changelog.lockTable());
      ChangeLogParameters parameters = new ChangeLogParameters(database);
      parameters.set("app_role", appRole);
      Scope.child(
          Map.of(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(classLoader)),
          () ->
              new CommandScope(UpdateCommandStep.COMMAND_NAME)
                  .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                  .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog.path())
                  .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters)
                  .execute());
      // The application checks the schema is current by reading each history table (read only).
      try (var statement = connection.createStatement()) {
        statement.execute(
            "GRANT SELECT ON "
                + changelog.historyTable()
                + " TO \""
                + appRole.replace("\"", "")
                + "\"");
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      LOG.info(() -> "Migrated " + changelog.path());
    } catch (Exception e) {
      throw new MigrationException("Migrating " + changelog.path() + " failed: " + rootCause(e), e);
    }
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** Migrates the platform's changelogs with settings from the environment; exits 0 or 1. */
  public static void main(String[] args) {
    try {
      DatabaseSettings settings = DatabaseSettings.fromEnvironment();
      try (Connection owner =
          DriverManager.getConnection(
              settings.url(), settings.ownerUser(), settings.ownerPassword())) {
        new Migrator(Migrator.class.getClassLoader(), settings.appUser()).migratePlatform(owner);
      }
      System.out.println("Roundtable schema is current.");
    } catch (MigrationException
        | IllegalArgumentException
        | SQLException
        | org.roundtable.steps.plugins.PluginProblem e) {
      LOG.log(Level.FINE, "Migration failed", e);
      System.err.println("Migration failed: " + e.getMessage());
      System.exit(1);
    }
  }
}
