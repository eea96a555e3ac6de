package org.roundtable.steps.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import liquibase.changelog.ChangeSet;

/**
 * Tells whether the database holds every changeset the application was built with, by reading
 * (never writing) each changelog's history table. The application is not ready until it does.
 */
public final class SchemaStatus {

  private final ClassLoader classLoader;
  private final List<ChangelogSet> changelogs;

  public SchemaStatus(ClassLoader classLoader, List<ChangelogSet> changelogs) {
    this.classLoader = classLoader;
    this.changelogs = List.copyOf(changelogs);
  }

  /** The changesets not yet applied, as {@code path::id}; empty when the schema is current. */
  public List<String> pending(Connection connection) {
    List<String> pending = new ArrayList<>();
    for (ChangelogSet changelog : changelogs) {
      Set<String> applied = applied(connection, changelog);
      for (ChangeSet changeSet : expected(changelog)) {
        if (!applied.contains(changeSet.getId() + "::" + changeSet.getAuthor())) {
          pending.add(changelog.path() + "::" + changeSet.getId());
        }
      }
    }
    return pending;
  }

  private List<ChangeSet> expected(ChangelogSet changelog) {
    return ChangelogReader.changeSets(classLoader, changelog.path());
  }

  private static Set<String> applied(Connection connection, ChangelogSet changelog) {
    Set<String> applied = new HashSet<>();
    if (!tableExists(connection, changelog.historyTable())) {
      return applied;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT id, author FROM " + changelog.historyTable())) {
      while (rows.next()) {
        applied.add(rows.getString(1) + "::" + rows.getString(2));
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
