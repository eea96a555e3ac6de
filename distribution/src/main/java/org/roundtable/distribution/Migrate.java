package org.roundtable.distribution;

import java.nio.file.Path;
import java.util.List;
import org.roundtable.steps.migration.DatabaseSettings;

/**
 * The migration step of a deployment (the Kubernetes hook Job runs it): the core's changelog, then
 * each plugin's, as the migration role, with the bundled plugins and those in {@code
 * roundtable.plugins.dir}. Plain Java, never Payara, so a failure is always a non-zero exit.
 *
 * <p>Settings: {@code roundtable.db.url}, {@code roundtable.db.owner-user}, {@code
 * roundtable.db.owner-password}, {@code roundtable.db.app-user} (the role granted the application's
 * rights) and optionally {@code roundtable.plugins.dir}.
 */
public final class Migrate {

  private Migrate() {}

  public static void main(String[] args) {
    System.exit(run());
  }

  static int run() {
    try {
      DatabaseSettings database = DatabaseSettings.fromEnvironment();
      List<Path> plugins = ApplicationSteps.pluginJars(LauncherSettings.read());
      System.out.println("Migrating " + database + " with " + plugins.size() + " plugin JAR(s)");
      ApplicationSteps.migrate(database, plugins);
      System.out.println("Roundtable schema is current.");
      return 0;
    } catch (StartException | IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }
}
