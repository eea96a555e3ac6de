package org.roundtable.distribution;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roundtable.core.persistence.dev.DevelopmentDatabase;
import org.roundtable.core.persistence.migration.DatabaseSettings;
import org.roundtable.core.persistence.migration.MigrationException;
import org.roundtable.core.persistence.migration.Migrator;
import org.roundtable.core.plugin.Assembly;
import org.roundtable.core.plugin.PluginProblem;
import org.roundtable.core.tenancy.file.TenantFile;
import org.roundtable.core.tenancy.file.TenantFileException;
import org.roundtable.core.tenancy.file.TenantFiles;

/**
 * The run command: checks the tenant files, starts (or connects to) PostgreSQL, runs the migrator,
 * starts Payara Micro with the application, waits until it is ready and says where it listens.
 * Ctrl-C stops everything it started.
 *
 * <p>Settings (system property or environment variable): {@code roundtable.port} (8080), {@code
 * roundtable.data-dir} ({@code .roundtable}: the embedded database and Payara's files; delete it to
 * start fresh), {@code roundtable.tenants.dir} ({@code tenants}), {@code roundtable.java-opts}, and
 * {@code roundtable.db.*} to use an external PostgreSQL instead of the embedded one.
 */
public final class Launcher {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

  private Launcher() {}

  public static void main(String[] args) {
    System.exit(run(LauncherSettings.read()));
  }

  /** Runs until Payara stops or start-up fails; returns the exit status. */
  static int run(LauncherSettings settings) {
    long started = System.nanoTime();
    List<TenantFile> tenants;
    try {
      tenants = TenantFiles.readAll(settings.tenantsDir());
    } catch (TenantFileException e) {
      return fail("Tenant file problem: " + e.getMessage());
    }
    // Plugins next: a set that cannot run stops here, before anything is started.
    Path war;
    List<Path> plugins;
    try {
      plugins = pluginJars(settings);
      war = assemble(settings, plugins);
    } catch (StartException e) {
      return fail(e.getMessage());
    }
    RunningProcesses running = new RunningProcesses();
    Runtime.getRuntime().addShutdownHook(new Thread(running::stopAll, "roundtable-stop"));
    try {
      Optional<DevelopmentDatabase> embedded = startEmbeddedDatabase(settings, running);
      DatabaseSettings database =
          embedded.isPresent() ? embedded.get().settings() : externalDatabase();
      migrate(database, plugins);
      DevelopmentMail mail =
          DevelopmentMail.start(settings.mailPort(), settings.dataDir().resolve("mail"));
      running.add(mail::close);
      IdentityServer identity = IdentityServer.start(settings, embedded, running);
      Map<String, String> environment = new HashMap<>(identity.applicationSettings());
      environment.putAll(mail.applicationSettings());
      environment.putAll(DevelopmentKeys.applicationSettings(settings.dataDir()));
      // Development over plain HTTP on localhost: session cookies without the Secure flag.
      if (System.getenv("ROUNDTABLE_WEB_SECURE_COOKIES") == null) {
        environment.put("ROUNDTABLE_WEB_SECURE_COOKIES", "false");
      }
      PayaraProcess payara =
          PayaraProcess.start(
              settings,
              database,
              environment,
              distributionFolder().resolve("app"),
              war,
              READY_TIMEOUT);
      running.add(payara::stop);
      payara.awaitReady();
      List<String> slugs = tenants.stream().map(TenantFile::slug).toList();
      String signIns = identity.createDemoUsers(slugs, settings.port());
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "%nRoundtable is ready after %.1f s at http://localhost:%d/%n"
              + "  tenants: %s%n"
              + "  try: curl http://localhost:%d/api/v1/%s%n"
              + "  API description: http://localhost:%d/openapi%n"
              + "%s"
              + "  mail: every email sent is kept in %s (.eml files)%n"
              + "  data: %s (delete it to start fresh)%n"
              + "Stop with Ctrl-C.%n",
          seconds,
          settings.port(),
          String.join(", ", slugs),
          settings.port(),
          tenants.isEmpty() ? "<tenant>" : tenants.get(0).slug(),
          settings.port(),
          signIns,
          mail.folder(),
          settings.dataDir());
      int exit = payara.waitFor();
      running.stopAll();
      return exit;
    } catch (StartException e) {
      running.stopAll();
      return fail(e.getMessage());
    }
  }

  private static DatabaseSettings externalDatabase() throws StartException {
    try {
      DatabaseSettings external = DatabaseSettings.fromEnvironment();
      System.out.println("Using PostgreSQL at " + external.url());
      return external;
    } catch (IllegalArgumentException e) {
      throw new StartException(e.getMessage());
    }
  }

  /** The embedded PostgreSQL, unless an external one is configured. */
  private static Optional<DevelopmentDatabase> startEmbeddedDatabase(
      LauncherSettings settings, RunningProcesses running) throws StartException {
    if (DatabaseSettings.isConfigured()) {
      return Optional.empty();
    }
    try {
      Path directory = settings.dataDir().resolve("postgres");
      DevelopmentDatabase database = DevelopmentDatabase.start(Optional.of(directory));
      running.add(
          () -> {
            try {
              database.close();
            } catch (IOException e) {
              System.err.println("Stopping PostgreSQL: " + e.getMessage());
            }
          });
      System.out.println(
          "Embedded PostgreSQL on 127.0.0.1:" + database.port() + ", data in " + directory);
      return Optional.of(database);
    } catch (IOException e) {
      throw new StartException("Cannot start the embedded PostgreSQL: " + e.getMessage());
    }
  }

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

  /** The deployable application: the core WAR with this run's plugins (the one assembly step). */
  private static Path assemble(LauncherSettings settings, List<Path> plugins)
      throws StartException {
    try {
      Path target = settings.dataDir().resolve("app").resolve("roundtable.war");
      Files.createDirectories(target.getParent());
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

  private static void migrate(DatabaseSettings database, List<Path> plugins) throws StartException {
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
          Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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

  private static int fail(String message) {
    System.err.println(message);
    return 1;
  }
}
