package org.roundtable.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.roundtable.devservers.DevelopmentDatabase;
import org.roundtable.steps.migration.ChangelogReader;
import org.roundtable.steps.migration.ChangelogSet;
import org.roundtable.steps.migration.MigrationException;
import org.roundtable.steps.migration.Migrator;
import org.roundtable.steps.migration.SchemaStatus;
import org.roundtable.testkit.TableCheck;
import org.roundtable.testkit.TestServers;

/**
 * The migrator against real PostgreSQL: upgrades change every tenant's rows, failures are loud, and
 * the application can tell whether the schema is current.
 */
class MigrationIT {

  private static final ChangelogSet UPGRADE =
      new ChangelogSet("db/test/upgrade-changelog.xml", "core_changelog");

  private final DevelopmentDatabase postgres = TestServers.get();

  @Test
  void dataChangesetOfALaterReleaseMigratesEveryTenantsRows() throws SQLException {
    String database = freshDatabase();
    try (Connection owner = connect(database, DevelopmentDatabase.OWNER)) {
      migrator().migrate(owner, List.of(ChangelogSet.CORE));
    }
    seedBothTenants(database);

    try (Connection owner = connect(database, DevelopmentDatabase.OWNER)) {
      migrator().migrate(owner, List.of(UPGRADE));
    }

    assertThat(emails(database)).hasSize(4).allMatch(email -> email.equals(email.toLowerCase()));
  }

  @Test
  void anOwnerWithoutBypassRlsWouldSilentlyMigrateNothing() throws SQLException {
    // Why the migration role has BYPASSRLS: with row-level security forced, a table owner is
    // subject to it, and a data changeset without a tenant set changes no row at all.
    String role = "owner_without_bypass";
    try (Connection superuser = postgres.superuser("postgres").getConnection();
        Statement s = superuser.createStatement()) {
      s.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '"
              + role
              + "') THEN CREATE ROLE "
              + role
              + " LOGIN NOSUPERUSER NOBYPASSRLS; END IF; END $$");
    }
    String database = "nobypass_" + shortId();
    try (Connection superuser = postgres.superuser("postgres").getConnection();
        Statement s = superuser.createStatement()) {
      s.execute("CREATE DATABASE " + database + " OWNER " + role);
      s.execute("GRANT CONNECT ON DATABASE " + database + " TO " + DevelopmentDatabase.APP);
    }
    try (Connection owner = connect(database, role)) {
      migrator().migrate(owner, List.of(ChangelogSet.CORE));
    }
    seedBothTenants(database);

    try (Connection owner = connect(database, role)) {
      migrator().migrate(owner, List.of(UPGRADE));
    }

    assertThat(emails(database)).hasSize(4).allMatch(email -> !email.equals(email.toLowerCase()));
  }

  @Test
  void schemaIsReportedPendingUntilTheMigratorHasRun() throws SQLException {
    String database = freshDatabase();
    SchemaStatus status =
        new SchemaStatus(
            ChangelogReader.expected(getClass().getClassLoader(), ChangelogSet.platform()));

    try (Connection app = connect(database, DevelopmentDatabase.APP)) {
      assertThat(status.pending(app)).isNotEmpty();
    }
    try (Connection owner = connect(database, DevelopmentDatabase.OWNER)) {
      migrator().migrate(owner, ChangelogSet.platform());
    }
    try (Connection app = connect(database, DevelopmentDatabase.APP)) {
      assertThat(status.pending(app)).isEmpty();
    }
  }

  @Test
  void aFailingChangesetStopsTheMigrationWithTheChangelogNamed() {
    assertThatThrownBy(
            () -> migrateFresh(new ChangelogSet("db/test/broken-changelog.xml", "broken_log")))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("db/test/broken-changelog.xml");
  }

  @Test
  void thePluginsBuildingBlockIsolatesATableAsTheTableCheckDemands() throws SQLException {
    String database = freshDatabase();
    try (Connection owner = connect(database, DevelopmentDatabase.OWNER)) {
      migrator()
          .migrate(
              owner,
              List.of(
                  ChangelogSet.CORE,
                  new ChangelogSet("db/test/isolated-changelog.xml", "kit_changelog")));
      assertThat(new TableCheck(owner, DevelopmentDatabase.APP).problems("kit_note")).isEmpty();
    }
    seedBothTenants(database);
    for (String tenant : List.of("kirklees", "solihull")) {
      try (Connection app = connect(database, DevelopmentDatabase.APP);
          Statement sql = app.createStatement()) {
        sql.execute("SELECT set_config('app.tenant_id', '" + tenant + "', false)");
        sql.execute(
            "INSERT INTO kit_note (id, body) VALUES (gen_random_uuid(), 'from " + tenant + "')");
        try (ResultSet notes = sql.executeQuery("SELECT body FROM kit_note")) {
          assertThat(notes.next()).isTrue();
          assertThat(notes.getString(1)).isEqualTo("from " + tenant);
          assertThat(notes.next()).as("another council's note").isFalse();
        }
        assertThatThrownBy(() -> sql.execute("DELETE FROM kit_note"))
            .as("DELETE was not granted")
            .hasMessageContaining("permission denied");
      }
    }
    try (Connection app = connect(database, DevelopmentDatabase.APP);
        Statement sql = app.createStatement()) {
      assertThatThrownBy(
              () -> sql.execute("SELECT platform_isolate_by_tenant('kit_note', 'x', 'SELECT')"))
          .as("only the migration's owner may call it")
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void theBuildingBlockStopsTheMigrationOnATableWhoseKeyLeavesTheCouncilOut() {
    assertThatThrownBy(
            () ->
                migrateFresh(
                    ChangelogSet.CORE,
                    new ChangelogSet("db/test/unisolable-changelog.xml", "kit_changelog")))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("db/test/unisolable-changelog.xml")
        .hasStackTraceContaining("kit_leaky: the primary key must include tenant_id");
  }

  /** Migrates a new database with these changelogs. */
  private void migrateFresh(ChangelogSet... changelogs) throws SQLException {
    String database = freshDatabase();
    try (Connection owner = connect(database, DevelopmentDatabase.OWNER)) {
      migrator().migrate(owner, List.of(changelogs));
    }
  }

  @Test
  void theDueWorkTableWithoutRowLevelSecurityHoldsCouncilIdsKindsAndTimesOnly()
      throws SQLException {
    String database = freshDatabase();
    try (Connection owner = connect(database, DevelopmentDatabase.OWNER)) {
      migrator().migrate(owner, List.of(ChangelogSet.CORE));
      List<String> columns = new ArrayList<>();
      try (Statement sql = owner.createStatement();
          ResultSet rows =
              sql.executeQuery(
                  "SELECT column_name || ' ' || data_type FROM information_schema.columns"
                      + " WHERE table_name = 'platform_due_work' ORDER BY ordinal_position")) {
        while (rows.next()) {
          columns.add(rows.getString(1));
        }
      }
      assertThat(columns)
          .as("ADR 0024: no personal data, nothing but what is due where and when")
          .containsExactly("tenant_id text", "kind text", "due_at timestamp with time zone");
    }
  }

  @Test
  void migratorCommandExitsNonZeroWhenItCannotMigrate() throws Exception {
    ProcessBuilder command =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                Migrator.class.getName())
            .redirectErrorStream(true);
    command.environment().put("ROUNDTABLE_DB_URL", postgres.url("no_such_database"));
    command.environment().put("ROUNDTABLE_DB_OWNER_USER", DevelopmentDatabase.OWNER);
    command.environment().put("ROUNDTABLE_DB_APP_USER", DevelopmentDatabase.APP);
    Process process = command.start();
    String output = new String(process.getInputStream().readAllBytes());

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(1);
    assertThat(output).contains("Migration failed");
  }

  @Test
  void theApplicationRefusesARoleThatWouldMakeRowLevelSecurityNoBoundary() throws SQLException {
    String database = freshDatabase();
    try (Connection owner = connect(database, DevelopmentDatabase.OWNER)) {
      migrator().migrate(owner, List.of(ChangelogSet.CORE));
      // The migration role bypasses row-level security and owns every table.
      assertThat(DatabaseRoleCheck.problems(owner))
          .hasSize(2)
          .anyMatch(p -> p.contains("BYPASSRLS"))
          .anyMatch(p -> p.contains("owns") && p.contains("tables"));
    }
    try (Connection superuser = postgres.superuser(database).getConnection()) {
      assertThat(DatabaseRoleCheck.problems(superuser)).anyMatch(p -> p.contains("superuser"));
    }
    try (Connection app = connect(database, DevelopmentDatabase.APP)) {
      assertThat(DatabaseRoleCheck.problems(app)).isEmpty();
    }
  }

  @Test
  void rolesHaveLeastPrivilege() throws SQLException {
    try (Connection superuser = postgres.superuser("postgres").getConnection();
        Statement s = superuser.createStatement();
        ResultSet roles =
            s.executeQuery(
                "SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname IN ('"
                    + DevelopmentDatabase.OWNER
                    + "', '"
                    + DevelopmentDatabase.APP
                    + "') ORDER BY rolname")) {
      roles.next();
      assertThat(roles.getString(1)).isEqualTo(DevelopmentDatabase.APP);
      assertThat(roles.getBoolean(2)).isFalse();
      assertThat(roles.getBoolean(3)).isFalse();
      roles.next();
      assertThat(roles.getString(1)).isEqualTo(DevelopmentDatabase.OWNER);
      assertThat(roles.getBoolean(2)).isFalse();
      assertThat(roles.getBoolean(3)).isTrue();
    }
  }

  private void seedBothTenants(String database) throws SQLException {
    try (Connection superuser = postgres.superuser(database).getConnection();
        Statement s = superuser.createStatement()) {
      s.execute(
          "INSERT INTO platform_tenant (id, display_name, realm) VALUES"
              + " ('kirklees', 'Kirklees', 'kirklees'), ('solihull', 'Solihull', 'solihull')");
    }
    for (String tenant : List.of("kirklees", "solihull")) {
      try (Connection app = connect(database, DevelopmentDatabase.APP)) {
        app.setAutoCommit(false);
        try (PreparedStatement set =
            app.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
          set.setString(1, tenant);
          set.execute();
        }
        for (int i = 0; i < 2; i++) {
          try (PreparedStatement insert =
              app.prepareStatement(
                  "INSERT INTO member (id, full_name, email, created_at, updated_at, version)"
                      + " VALUES (?, ?, ?, now(), now(), 1)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, "Person " + i);
            insert.setString(3, "Person." + i + "@" + tenant.toUpperCase() + ".example");
            insert.executeUpdate();
          }
        }
        app.commit();
      }
    }
  }

  private List<String> emails(String database) throws SQLException {
    List<String> emails = new ArrayList<>();
    try (Connection superuser = postgres.superuser(database).getConnection();
        Statement s = superuser.createStatement();
        ResultSet rows = s.executeQuery("SELECT email FROM member")) {
      while (rows.next()) {
        emails.add(rows.getString(1));
      }
    }
    return emails;
  }

  private String freshDatabase() throws SQLException {
    String name = "migration_" + shortId();
    postgres.createDatabase(name);
    return name;
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private Connection connect(String database, String role) throws SQLException {
    return DriverManager.getConnection(
        postgres.url(database), role, DevelopmentDatabase.DEV_ONLY_PASSWORD);
  }

  private static Migrator migrator() {
    return new Migrator(MigrationIT.class.getClassLoader(), DevelopmentDatabase.APP);
  }
}
