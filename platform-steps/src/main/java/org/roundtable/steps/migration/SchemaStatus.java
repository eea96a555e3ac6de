package org.roundtable.steps.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells whether the database holds every changeset the application was assembled with, by reading
 * (never writing) each changelog's history table. The application is not ready until it does. No
 * Liquibase here: the changesets expected come listed ({@link ExpectedChangesets}).
 */
public final class SchemaStatus {

  private final ExpectedChangesets expected;

  public SchemaStatus(ExpectedChangesets expected) {
    this.expected = expected;
  }

  /** The changesets not yet applied, as {@code path::id}; empty when the schema is current. */
  public List<String> pending(Connection connection) {
    List<String> pending = new ArrayList<>();
    for (ExpectedChangesets.Changelog changelog : expected.changelogs()) {
      Set<ExpectedChangesets.Changeset> applied = applied(connection, changelog.set());
      for (ExpectedChangesets.Changeset changeset : changelog.changesets()) {
        if (!applied.contains(changeset)) {
          pending.add(changelog.set().path() + "::" + changeset.id());
        }
      }
    }
    return pending;
  }

  private static Set<ExpectedChangesets.Changeset> applied(
      Connection connection, ChangelogSet changelog) {
    Set<ExpectedChangesets.Changeset> applied = new HashSet<>();
    if (!tableExists(connection, changelog.historyTable())) {
      return applied;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT id, author FROM " + changelog.historyTable())) {
      while (rows.next()) {
        applied.add(new ExpectedChangesets.Changeset(rows.getString(1), rows.getString(2)));
      }
      return applied;
    } catch (SQLException e) {
      throw new MigrationException("Cannot read " + changelog.historyTable(), e);
    }
  }

  private static boolean tableExists(Connection connection, String table) {
    try (var statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      statement.setString(1, table);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new MigrationException("Cannot look for " + table, e);
    }
  }
}
