package org.roundtable.core.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the application's database role must not be: row-level security is the boundary between
 * councils only for a role that is not a superuser, cannot bypass it, and owns no table (an owner
 * could switch it off). The application checks its own connection at start and refuses to start,
 * naming each problem, rather than serve every council's rows to every other.
 */
public final class DatabaseRoleCheck {

  private DatabaseRoleCheck() {}

  /**
   * What is wrong with the connection's role, in words an operator can act on; empty when nothing.
   *
   * @throws SQLException when the database cannot be asked
   */
  public static List<String> problems(Connection connection) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet role =
            statement.executeQuery(
                "SELECT current_user, rolsuper, rolbypassrls,"
                    + " (SELECT count(*) FROM pg_class c JOIN pg_namespace n"
                    + "   ON n.oid = c.relnamespace"
                    + "  WHERE c.relowner = r.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"
                    + "    AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                    + "    AND n.nspname NOT LIKE 'pg_toast%') AS owned"
                    + " FROM pg_roles r WHERE r.rolname = current_user")) {
      if (!role.next()) {
        problems.add("the database role cannot be found in pg_roles");
        return problems;
      }
      String name = role.getString(1);
      if (role.getBoolean(2)) {
        problems.add(
            "the application's database role '"
                + name
                + "' is a superuser (it bypasses row-level"
                + " security): use a role with NOSUPERUSER");
      }
      if (role.getBoolean(3)) {
        problems.add(
            "the application's database role '"
                + name
                + "' has BYPASSRLS: use a role with"
                + " NOBYPASSRLS (only the migration and backup roles bypass row-level security)");
      }
      long owned = role.getLong(4);
      if (owned > 0) {
        problems.add(
            "the application's database role '"
                + name
                + "' owns "
                + owned
                + " tables, views or"
                + " sequences (an owner can switch row-level security off): the migration role"
                + " owns the schema, the application role owns nothing");
      }
    }
    return problems;
  }
}
