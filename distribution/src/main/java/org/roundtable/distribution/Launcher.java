package org.roundtable.distribution;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roundtable.core.onboarding.file.TenantFile;
import org.roundtable.core.onboarding.file.TenantFiles;
import org.roundtable.core.tenancy.TenantFileException;
import org.roundtable.devservers.DevelopmentDatabase;
import org.roundtable.devservers.DevelopmentMail;
import org.roundtable.steps.migration.DatabaseSettings;

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
      plugins = ApplicationSteps.pluginJars(settings);
      war =
          ApplicationSteps.assemble(
              plugins, settings.dataDir().resolve("app").resolve("roundtable.war"));
    } catch (StartException e) {
      return fail(e.getMessage());
    }
    RunningProcesses running = new RunningProcesses();
    Runtime.getRuntime().addShutdownHook(new Thread(running::stopAll, "roundtable-stop"));
    try {
      Optional<DevelopmentDatabase> embedded = startEmbeddedDatabase(settings, running);
      DatabaseSettings database =
          embedded.isPresent() ? embedded.get().settings() : externalDatabase();
      ApplicationSteps.migrate(database, plugins);
      DevelopmentMail mail = startMail(settings);
      running.add(mail::close);
      IdentityServer identity = IdentityServer.start(settings, embedded, running);
      Map<String, String> environment = new HashMap<>(identity.applicationSettings());
      environment.putAll(mail.applicationSettings());
      environment.putAll(DevelopmentKeys.applicationSettings(settings.dataDir()));
      // Development over plain HTTP on localhost: session cookies without the Secure flag.
      if (System.getenv("ROUNDTABLE_WEB_SECURE_COOKIES") == null) {
        environment.put("ROUNDTABLE_WEB_SECURE_COOKIES", "false");
      }
      PayaraProcess payara = startPayara(settings, database, environment, war, running);
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
      // After everything a start does, so that it never delays "ready".
      payara
          .archiveClassesInBackground()
          .ifPresent(dump -> running.add(() -> org.roundtable.devservers.Processes.stop(dump)));
      int exit = payara.waitFor();
      running.stopAll();
      return exit;
    } catch (StartException e) {
      running.stopAll();
      return fail(e.getMessage());
    }
  }

  /**
   * Payara, ready; started once more if its kernel gave up at boot (a race in Payara's own
   * start-up, before anything of the application ran), as the chart's start-up probe would.
   */
  private static PayaraProcess startPayara(
      LauncherSettings settings,
      DatabaseSettings database,
      Map<String, String> environment,
      Path war,
      RunningProcesses running)
      throws StartException {
    for (int start = 1; ; start++) {
      PayaraProcess payara =
          PayaraProcess.start(
              settings,
              database,
              environment,
              ApplicationSteps.distributionFolder().resolve("app"),
              war,
              READY_TIMEOUT);
      running.add(payara::stop);
      try {
        payara.awaitReady();
        return payara;
      } catch (PayaraProcess.BootFailed e) {
        if (start == 2) {
          throw e;
        }
        System.out.println(e.getMessage() + "; starting it again ...");
      }
    }
  }

  private static DevelopmentMail startMail(LauncherSettings settings) throws StartException {
    try {
      return DevelopmentMail.start(settings.mailPort(), settings.dataDir().resolve("mail"));
    } catch (java.io.IOException e) {
      throw new StartException(e.getMessage());
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

  private static int fail(String message) {
    System.err.println(message);
    return 1;
  }
}
