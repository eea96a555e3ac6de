import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The platform's cost at rest: transactions a second on the run command's database while nobody
 * uses it, and councils added straight into it (rows only, no realms) to see whether that cost
 * grows with them. Run with pgjdbc on the class path, beside a running run command:
 *
 * <pre>
 * java -cp postgresql.jar bench/idle/IdleCost.java measure 30
 * java -cp postgresql.jar bench/idle/IdleCost.java councils 1000
 * </pre>
 *
 * DEVELOPMENT ONLY: it uses the run command's development-only owner password.
 */
public class IdleCost {

  public static void main(String[] args) throws Exception {
    Path data = Path.of(System.getProperty("data", ".roundtable/postgres"));
    String port = Files.readAllLines(data.resolve("postmaster.pid")).get(3).strip();
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/roundtable";
    try (Connection owner =
            DriverManager.getConnection(url, "roundtable_owner", "dev-only-not-a-secret");
        Statement sql = owner.createStatement()) {
      if (args[0].equals("councils")) {
        int wanted = Integer.parseInt(args[1]);
        int added =
            sql.executeUpdate(
                "INSERT INTO platform_tenant (id, display_name, realm)"
                    + " SELECT 'bench-' || g, 'Bench council ' || g, 'bench-' || g"
                    + " FROM generate_series(1, "
                    + wanted
                    + " - (SELECT count(*) FROM platform_tenant WHERE id <> 'platform')) g"
                    + " ON CONFLICT DO NOTHING");
        System.out.println("councils added: " + added);
        return;
      }
      int seconds = Integer.parseInt(args[1]);
      long councils = single(sql, "SELECT count(*) FROM platform_tenant WHERE id <> 'platform'");
      long before = transactions(sql);
      Thread.sleep(seconds * 1000L);
      long after = transactions(sql);
      // Less this program's own two reads.
      double perSecond = (after - before - 2) / (double) seconds;
      System.out.printf(
          "councils %d: %.2f transactions a second at rest over %d s%n",
          councils, perSecond, seconds);
    }
  }

  private static long transactions(Statement sql) throws Exception {
    sql.execute("SELECT pg_stat_clear_snapshot()");
    return single(
        sql,
        "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'roundtable'");
  }

  private static long single(Statement sql, String query) throws Exception {
    try (ResultSet row = sql.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    }
  }
}
