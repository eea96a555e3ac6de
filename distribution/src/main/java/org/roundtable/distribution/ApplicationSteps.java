package org.roundtable.distribution;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.roundtable.steps.migration.DatabaseSettings;
import org.roundtable.steps.migration.MigrationException;
import org.roundtable.steps.migration.Migrator;
import org.roundtable.steps.plugins.Assembly;
import org.roundtable.steps.plugins.PluginProblem;

/**
 * The steps every way of running Roundtable shares: finding the plugins, assembling the application
 * and migrating the database. The run command, the image build and the image's commands ({@link
 * Migrate}, {@link Assemble}) all call these, so they cannot drift apart. Nothing here touches the
 * development-only database, Keycloak or mail server.
 */
final class ApplicationSteps {

  private ApplicationSteps() {}

  /**
   * The plugins of this run: the bundled ones ({@code plugins/} beside the launcher) and an
   * operator's own ({@code roundtable.plugins.dir}), as JARs.
   */
  static List<Path> pluginJars(LauncherSettings settings) throws StartException {
    List<Path> jars = new java.util.ArrayList<>(jarsIn(distributionFolder().resolve("plugins")));
    settings.pluginsDir().ifPresent(dir -> jars.addAll(jarsIn(dir)));
    return jars;
  }

  private static List<Path> jarsIn(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (var files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The deployable application: the core WAR with this run's plugins (the one assembly step), the
   * same for the run command, the image build and the Kubernetes init container.
   */
  static Path assemble(List<Path> plugins, Path target) throws StartException {
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Assembly.Result result =
          Assembly.assemble(
              distributionFolder().resolve("app").resolve("roundtable-core.war"), plugins, target);
      System.out.println(
          "Plugins: "
              + (result.plugins().isEmpty()
                  ? "none"
                  : result.plugins().stream()
                      .map(p -> p.id() + " " + p.version())
                      .collect(java.util.stream.Collectors.joining(", "))));
      return target;
    } catch (PluginProblem e) {
      throw new StartException("Plugin problem: " + e.getMessage());
    } catch (IOException e) {
      throw new StartException("Cannot assemble the application: " + e.getMessage());
    }
  }

  static void migrate(DatabaseSettings database, List<Path> plugins) throws StartException {
    try (Connection owner =
            DriverManager.getConnection(
                database.url(), database.ownerUser(), database.ownerPassword());
        java.net.URLClassLoader loader = Assembly.loaderOf(plugins)) {
      new Migrator(loader, database.appUser()).migratePlatform(owner);
    } catch (SQLException | MigrationException | PluginProblem | IOException e) {
      throw new StartException("Migration failed: " + e.getMessage());
    }
  }

  /** The folder the launcher JAR sits in: {@code app/}, {@code lib/} and {@code keycloak/}. */
  static Path distributionFolder() throws StartException {
    try {
      Path jar =
          Path.of(
              ApplicationSteps.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path folder = jar.getParent();
      if (!Files.isRegularFile(folder.resolve("app").resolve("payara-micro.jar"))) {
        throw new StartException(
            "No application next to the launcher in " + folder + ": build first");
      }
      return folder;
    } catch (URISyntaxException e) {
      throw new StartException("Cannot find the launcher's folder: " + e.getMessage());
    }
  }
}
