package org.roundtable.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roundtable.devservers.DevelopmentDatabase;
import org.roundtable.steps.migration.DatabaseSettings;

/** The table check on a real PostgreSQL: it passes a table built right and names each fault. */
class TableCheckIT {

  private static DevelopmentDatabase database;
  private static Connection owner;
  private static TableCheck check;

  @BeforeAll
  static void tables() throws Exception {
    database = DevelopmentDatabase.start(Optional.empty());
    DatabaseSettings settings = database.settings();
    owner =
        DriverManager.getConnection(settings.url(), settings.ownerUser(), settings.ownerPassword());
    String app = settings.appUser();
    try (Statement sql = owner.createStatement()) {
      for (String table : new String[] {"kit_right", "kit_unforced"}) {
        sql.execute(
            "CREATE TABLE "
                + table
                + " (tenant_id text NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id))");
        sql.execute("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
        sql.execute(
            "CREATE POLICY tenant_isolation ON "
                + table
                + " USING (tenant_id = current_setting('app.tenant_id', true))");
        sql.execute("GRANT SELECT, INSERT, UPDATE ON " + table + " TO " + app);
      }
      sql.execute("ALTER TABLE kit_right FORCE ROW LEVEL SECURITY");
      sql.execute(
          "CREATE TABLE kit_leaky (tenant_id text, id uuid NOT NULL PRIMARY KEY, right_id uuid,"
              + " code text UNIQUE)");
      sql.execute("CREATE TABLE kit_other (id uuid PRIMARY KEY)");
      sql.execute("ALTER TABLE kit_leaky ADD FOREIGN KEY (right_id) REFERENCES kit_other (id)");
    }
    check = new TableCheck(owner, app);
  }

  @AfterAll
  static void stop() throws Exception {
    owner.close();
    database.close();
  }

  @Test
  void aTableWithForcedRowLevelSecurityAPolicyAndTenantKeysPasses() throws Exception {
    assertThat(check.problems("kit_right")).isEmpty();
  }

  @Test
  void aTableWhoseRowLevelSecurityIsNotForcedFails() throws Exception {
    assertThat(check.problems("kit_unforced"))
        .singleElement()
        .asString()
        .contains("kit_unforced: row-level security is not forced");
  }

  @Test
  void aTableOpenToEveryCouncilFailsOnEachCount() throws Exception {
    assertThat(String.join("\n", check.problems("kit_leaky")))
        .contains("tenant_id may be null")
        .contains("row-level security is not enabled")
        .contains("row-level security is not forced")
        .contains("no policy compares tenant_id")
        .contains("the primary key does not include tenant_id")
        .containsPattern("unique key \\w+ does not include tenant_id")
        .containsPattern("foreign key \\w+ does not include tenant_id")
        .contains("may not SELECT");
  }

  @Test
  void aTableThatDoesNotExistIsNamed() throws Exception {
    assertThat(check.problems("kit_missing"))
        .containsExactly("kit_missing: no such table in the public schema");
  }
}
