package org.roundtable.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The first isolation lock, checked from PostgreSQL's own catalogue for every table a plugin's
 * changelog creates: the table is tenant-owned ({@code tenant_id NOT NULL}), row-level security is
 * enabled <em>and forced</em> (so even the owner's connections are filtered), a policy compares
 * {@code tenant_id} with the session's tenant, the primary key, every unique key and every foreign
 * key include {@code tenant_id} (so no row can point into another council), and the application's
 * role may read and write it without owning it.
 *
 * <p>Written once here; every plugin's build runs it ({@link PluginTablesIT}).
 */
public final class TableCheck {

  private final Connection owner;
  private final String appRole;

  /**
   * @param owner a connection as the owner (migration) role, which may read the catalogue
   * @param appRole the role the application connects as
   */
  public TableCheck(Connection owner, String appRole) {
    this.owner = owner;
    this.appRole = appRole;
  }

  /** What is wrong with one table, in words a plugin author can act on; empty when nothing. */
  public List<String> problems(String table) throws SQLException {
    List<String> problems = new ArrayList<>();
    Object[] row =
        single(
            "SELECT c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner)"
                + " FROM pg_class c WHERE c.relname = ? AND c.relkind = 'r'"
                + " AND c.relnamespace = 'public'::regnamespace",
            table);
    if (row == null) {
      return List.of(table + ": no such table in the public schema");
    }
    Object[] tenantColumn =
        single(
            "SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = ?::regclass"
                + " AND a.attname = 'tenant_id' AND NOT a.attisdropped",
            table);
    if (tenantColumn == null) {
      problems.add(table + ": has no tenant_id column (every plugin table is tenant-owned)");
    } else if (!(Boolean) tenantColumn[0]) {
      problems.add(table + ": tenant_id may be null");
    }
    if (!(Boolean) row[0]) {
      problems.add(table + ": row-level security is not enabled");
    }
    if (!(Boolean) row[1]) {
      problems.add(
          table
              + ": row-level security is not forced (ALTER TABLE "
              + table
              + " FORCE ROW LEVEL SECURITY)");
    }
    if (appRole.equals(row[2])) {
      problems.add(table + ": owned by the application's role, which must own nothing");
    }
    long policies =
        count(
            "SELECT count(*) FROM pg_policy p WHERE p.polrelid = ?::regclass"
                + " AND pg_get_expr(p.polqual, p.polrelid) LIKE '%tenant_id%'"
                + " AND pg_get_expr(p.polqual, p.polrelid) LIKE '%app.tenant_id%'",
            table);
    if (policies == 0) {
      problems.add(table + ": no policy compares tenant_id with the session's tenant");
    }
    for (Object[] key :
        rows(
            "SELECT con.conname, con.contype FROM pg_constraint con WHERE con.conrelid ="
                + " ?::regclass AND con.contype IN ('p', 'u', 'f') AND NOT EXISTS (SELECT 1 FROM"
                + " unnest(con.conkey) k JOIN pg_attribute a ON a.attrelid = con.conrelid AND"
                + " a.attnum = k WHERE a.attname = 'tenant_id')",
            table)) {
      String kind =
          switch ((String) key[1]) {
            case "p" -> "the primary key";
            case "u" -> "unique key " + key[0];
            default -> "foreign key " + key[0];
          };
      problems.add(table + ": " + kind + " does not include tenant_id");
    }
    if (count(
            "SELECT count(*) FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'p'",
            table)
        == 0) {
      problems.add(table + ": has no primary key");
    }
    for (String privilege : List.of("SELECT", "INSERT")) {
      Object[] granted =
          single(
              "SELECT has_table_privilege('"
                  + appRole.replace("'", "''")
                  + "', ?::regclass, '"
                  + privilege
                  + "')",
              table);
      if (!(Boolean) granted[0]) {
        problems.add(table + ": the application's role " + appRole + " may not " + privilege);
      }
    }
    return problems;
  }

  /** The problems of all the tables; empty when every one holds. */
  public List<String> problems(List<String> tables) throws SQLException {
    List<String> all = new ArrayList<>();
    for (String table : tables) {
      all.addAll(problems(table));
    }
    return all;
  }

  private Object[] single(String sql, String table) throws SQLException {
    List<Object[]> found = rows(sql, table);
    return found.isEmpty() ? null : found.get(0);
  }

  private long count(String sql, String table) throws SQLException {
    return ((Number) single(sql, table)[0]).longValue();
  }

  private List<Object[]> rows(String sql, String table) throws SQLException {
    try (PreparedStatement statement = owner.prepareStatement(sql)) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        List<Object[]> result = new ArrayList<>();
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          Object[] row = new Object[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = rows.getObject(i + 1);
          }
          result.add(row);
        }
        return result;
      }
    }
  }
}
