package org.roundtable.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roundtable.devservers.DevelopmentDatabase;
import org.roundtable.devservers.DevelopmentKeycloak;
import org.roundtable.steps.migration.DatabaseSettings;

/**
 * The Keycloak the run command uses: an existing one ({@code roundtable.keycloak.internal-url},
 * {@code roundtable.keycloak.public-url} and the provisioning client's secret), or a development
 * Keycloak started next to the embedded database, keeping its state in a database of its own.
 */
final class IdentityServer {

  /** Development-only password of the demo users. */
  static final String DEV_ONLY_DEMO_PASSWORD = "dev-only-demo-password";

  static final String OPERATORS = "roundtable-operators";

  static final List<String> ROLES = List.of("tenant-admin", "officer", "member", "finance");

  private final Optional<DevelopmentKeycloak> started;
  private final Map<String, String> applicationSettings;

  private IdentityServer(
      Optional<DevelopmentKeycloak> started, Map<String, String> applicationSettings) {
    this.started = started;
    this.applicationSettings = applicationSettings;
  }

  static IdentityServer start(
      LauncherSettings settings, Optional<DevelopmentDatabase> database, RunningProcesses running)
      throws StartException {
    Optional<String> configured = DatabaseSettings.optional("roundtable.keycloak.internal-url");
    if (configured.isPresent()) {
      System.out.println("Using Keycloak at " + configured.get());
      return new IdentityServer(Optional.empty(), Map.of());
    }
    if (database.isEmpty()) {
      System.out.println(
          "No Keycloak configured (ROUNDTABLE_KEYCLOAK_INTERNAL_URL): API tokens cannot be checked");
      return new IdentityServer(Optional.empty(), Map.of());
    }
    Path home = keycloakHome();
    Path log = settings.dataDir().resolve("keycloak.log");
    try {
      database.get().createRoleAndDatabase("keycloak");
      System.out.println(
          "Starting Keycloak on port " + settings.keycloakPort() + " (log: " + log + ") ...");
      DevelopmentKeycloak keycloak =
          DevelopmentKeycloak.start(
              home,
              database.get().url("keycloak"),
              "keycloak",
              DevelopmentDatabase.DEV_ONLY_PASSWORD,
              settings.keycloakPort(),
              log);
      running.add(keycloak::close);
      return new IdentityServer(
          Optional.of(keycloak),
          Map.of(
              "ROUNDTABLE_KEYCLOAK_INTERNAL_URL",
              keycloak.url(),
              "ROUNDTABLE_KEYCLOAK_PUBLIC_URL",
              keycloak.url(),
              "ROUNDTABLE_KEYCLOAK_PROVISIONER_CLIENT_SECRET",
              DevelopmentKeycloak.DEV_ONLY_PROVISIONER_SECRET,
              "ROUNDTABLE_APP_PUBLIC_URL",
              "http://localhost:" + settings.port()));
    } catch (IOException | SQLException e) {
      throw new StartException("Cannot start Keycloak: " + e.getMessage());
    }
  }

  /** Settings the application needs to reach this Keycloak (none for an external one). */
  Map<String, String> applicationSettings() {
    return applicationSettings;
  }

  /**
   * Once the application has provisioned the tenants' realms: one demo user per role per tenant,
   * printed for the developer. Development only.
   */
  String createDemoUsers(List<String> tenants, int appPort) throws StartException {
    if (started.isEmpty()) {
      return "";
    }
    StringBuilder signIns =
        new StringBuilder("  demo sign-ins (development only, password ")
            .append(DEV_ONLY_DEMO_PASSWORD)
            .append("):\n");
    try {
      for (String tenant : tenants) {
        for (String role : ROLES) {
          String username = tenant + "-" + role;
          started.get().ensureUser(tenant, username, role, DEV_ONLY_DEMO_PASSWORD);
          signIns.append("    ").append(username).append('\n');
        }
        signIns
            .append("    (sign in at http://localhost:")
            .append(appPort)
            .append('/')
            .append(tenant)
            .append("/)\n");
      }
      started.get().ensureUser(OPERATORS, "operator", "platform-admin", DEV_ONLY_DEMO_PASSWORD);
      signIns.append("    operator (platform-admin of the ").append(OPERATORS).append(" realm)\n");
    } catch (IOException e) {
      throw new StartException("Cannot create the demo users: " + e.getMessage());
    }
    return signIns.toString();
  }

  private static Path keycloakHome() throws StartException {
    Path folder = ApplicationSteps.distributionFolder().resolve("keycloak");
    try (var homes = Files.list(folder)) {
      return homes
          .filter(h -> Files.isRegularFile(h.resolve("bin/kc.sh")))
          .findFirst()
          .orElseThrow(() -> new StartException("No Keycloak in " + folder + ": build first"));
    } catch (IOException e) {
      throw new StartException("No Keycloak in " + folder + ": build first");
    }
  }
}
