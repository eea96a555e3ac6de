package org.roundtable.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.core.testing.UpgradedPlugin;
import org.roundtable.devservers.DevelopmentDatabase;
import org.roundtable.steps.migration.Migrator;
import org.roundtable.steps.plugins.Assembly;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.PayaraInstance;
import org.roundtable.testkit.TableCheck;
import org.roundtable.testkit.TestRealms;
import org.roundtable.testkit.TestServers;

/**
 * A plugin upgraded from one version to the next the way operators do it: the new JAR assembled
 * with the core, the migration step, a new start. Its new changeset runs, its new permission
 * reaches the default role in the council that has it on (and nowhere else), a choice the council's
 * administrators made about an old permission stands, and its new setting reads as its default.
 *
 * <p>Runs in the fault tests' JVM (pods of their own, after the shared application's tests): each
 * pod here has its own database, and provisioning at its start gives the test realms' web clients a
 * new secret, which would sign the shared application out.
 */
class PluginUpgradeIT {

  private final DevelopmentDatabase postgres = TestServers.get();
  private final TestRealms realms =
      new TestRealms(System.getProperty("roundtable.test.keycloak.url"));

  @Test
  void anUpgradeBringsItsChangesetPermissionAndSettingToTheCouncilsUsingIt(@TempDir Path work)
      throws Exception {
    String database = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    postgres.createDatabase(database);
    Path first = UpgradedPlugin.build(work, 1);
    Path second = UpgradedPlugin.build(work, 2);
    realms.ensureTestUsers();

    migrate(database, first);
    try (PayaraInstance pod = pod(database, work, first)) {
      ApiClient admin = api(pod, "kirklees", "tenant-admin");
      ApiClient.Result on =
          admin.put("/api/v1/kirklees/plugins/" + UpgradedPlugin.ID, "{\"enabled\":true}");
      assertThat(on.status()).as(on.body()).isEqualTo(200);
    }
    assertThat(holders(database, "kirklees", UpgradedPlugin.READ)).containsExactly("member");
    // Kirklees's administrators take reading notes from every role.
    try (Connection owner = owner(database);
        PreparedStatement revoke =
            owner.prepareStatement(
                "DELETE FROM role_permission WHERE tenant_id = 'kirklees' AND permission = ?")) {
      revoke.setString(1, UpgradedPlugin.READ);
      revoke.executeUpdate();
    }

    migrate(database, second);
    try (Connection owner = owner(database)) {
      assertThat(new TableCheck(owner, DevelopmentDatabase.APP).problems("upgraded_kept"))
          .as("the new version's changeset ran, isolated")
          .isEmpty();
    }
    try (PayaraInstance pod = pod(database, work, second)) {
      assertThat(holders(database, "kirklees", UpgradedPlugin.KEEP)).containsExactly("officer");
      assertThat(holders(database, "solihull", UpgradedPlugin.KEEP))
          .as("Solihull has not switched it on")
          .isEmpty();
      assertThat(holders(database, "kirklees", UpgradedPlugin.READ))
          .as("the administrators' choice stands")
          .isEmpty();

      ApiClient.Result kept =
          api(pod, "kirklees", "officer").get("/api/v1/kirklees/" + UpgradedPlugin.ID + "/notes");
      assertThat(kept.status()).as(kept.body()).isEqualTo(200);
      assertThat(kept.json().getInt("keepDays")).as("the new setting's default").isEqualTo(30);
      assertThat(
              api(pod, "kirklees", "member")
                  .get("/api/v1/kirklees/" + UpgradedPlugin.ID + "/notes")
                  .status())
          .isEqualTo(403);
      assertThat(
              api(pod, "kirklees", "tenant-admin")
                  .get("/api/v1/kirklees/plugins/" + UpgradedPlugin.ID)
                  .json()
                  .getString("version"))
          .isEqualTo("2.0.0");
    }
  }

  private void migrate(String database, Path plugin) throws Exception {
    try (URLClassLoader loader = Assembly.loaderOf(List.of(plugin));
        Connection owner = owner(database)) {
      new Migrator(loader, DevelopmentDatabase.APP).migratePlatform(owner);
    }
  }

  private PayaraInstance pod(String database, Path work, Path plugin) throws Exception {
    Path war = work.resolve("with-" + plugin.getFileName() + ".war");
    Assembly.assemble(
        Path.of(System.getProperty("roundtable.test.core-war")), List.of(plugin), war);
    return PayaraInstance.start(
        Map.of(
            "roundtable.db.url", postgres.url(database),
            "roundtable.db.app-user", DevelopmentDatabase.APP,
            "roundtable.db.app-password", DevelopmentDatabase.DEV_ONLY_PASSWORD),
        war);
  }

  private ApiClient api(PayaraInstance pod, String council, String role) throws Exception {
    return new ApiClient(new URL(pod.url()))
        .withBearer(realms.login(council, council + "-" + role));
  }

  private List<String> holders(String database, String council, String permission)
      throws SQLException {
    List<String> roles = new ArrayList<>();
    try (Connection owner = owner(database);
        PreparedStatement query =
            owner.prepareStatement(
                "SELECT role FROM role_permission WHERE tenant_id = ? AND permission = ?"
                    + " ORDER BY role")) {
      query.setString(1, council);
      query.setString(2, permission);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          roles.add(rows.getString(1));
        }
      }
    }
    return roles;
  }

  private Connection owner(String database) throws SQLException {
    return DriverManager.getConnection(
        postgres.url(database), DevelopmentDatabase.OWNER, DevelopmentDatabase.DEV_ONLY_PASSWORD);
  }
}
