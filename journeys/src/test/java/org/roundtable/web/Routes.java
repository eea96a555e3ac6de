package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.TestServers;

/**
 * TEST ONLY: the running application's route list as the tests walk it, the path of a route filled
 * in for one council, and a digest of every business row to prove a walk changed nothing.
 */
final class Routes {

  /** Tables whose rows change when someone merely signs in, and Liquibase's own. */
  private static final Set<String> BOOKKEEPING =
      Set.of(
          "web_session",
          "web_sign_in",
          "core_changelog",
          "core_changelog_lock",
          "plugin_boards_changelog",
          "plugin_boards_changelog_lock",
          "plugin_payments_changelog",
          "plugin_payments_changelog_lock",
          "plugin_peer_challenge_changelog",
          "plugin_peer_challenge_changelog_lock",
          "plugin_training_changelog",
          "plugin_training_changelog_lock");

  private Routes() {}

  /** One value a route reads: a query parameter or a body field (see the core's InputShape). */
  record Field(String name, String kind, List<String> choices, List<Field> fields) {

    static Field of(JsonObject json) {
      return new Field(
          json.getString("name"),
          json.getString("kind"),
          json.getJsonArray("choices").getValuesAs(JsonValue::toString).stream()
              .map(s -> s.replace("\"", ""))
              .toList(),
          json.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
              .map(Field::of)
              .toList());
    }
  }

  record Route(
      String application,
      String method,
      String path,
      String access,
      String permission,
      String owner,
      List<String> consumes,
      List<Field> query,
      Optional<Field> body) {

    boolean isApi() {
      return application.equals("API");
    }

    boolean isOperators() {
      return access.equals("OPERATORS");
    }

    /** Test-only routes of the test deployment, not the application's. */
    boolean isTestOnly() {
      return path.contains("/test-");
    }
  }

  /** The route list the application reports. */
  static List<Route> of(ApiClient.Result result) {
    assertThat(result.status()).isEqualTo(200);
    List<Route> routes = new ArrayList<>();
    for (JsonObject route : result.structure().asJsonArray().getValuesAs(JsonObject.class)) {
      routes.add(
          new Route(
              route.getString("application"),
              route.getString("method"),
              route.getString("path"),
              route.getString("access"),
              route.getString("permission"),
              route.getString("owner"),
              route.getJsonArray("consumes").getValuesAs(JsonValue::toString).stream()
                  .map(s -> s.replace("\"", ""))
                  .toList(),
              route.getJsonArray("query").getValuesAs(JsonObject.class).stream()
                  .map(Field::of)
                  .toList(),
              route.isNull("body")
                  ? Optional.empty()
                  : Optional.of(Field.of(route.getJsonObject("body")))));
    }
    assertThat(routes).noneMatch(r -> r.access().equals("UNDECLARED"));
    return routes;
  }

  static List<String> segments(String path) {
    return List.of(path.substring(1).split("/"));
  }

  /** A route's template with its parameters filled in: this council, made-up ids. */
  static String concrete(String template, String tenant) {
    StringBuilder path = new StringBuilder();
    for (String segment : segments(template)) {
      path.append('/').append(fill(segment, tenant));
    }
    return path.toString();
  }

  static String fill(String segment, String tenant) {
    if (segment.equals("{tenant}")) {
      return tenant;
    }
    if (segment.startsWith("{")) {
      return segment.equals("{plugin}") ? "boards" : UUID.randomUUID().toString();
    }
    return segment;
  }

  /**
   * The business tables, once nothing else is still changing them: no event waiting for delivery (a
   * delivery writes claims, say) and no email due.
   */
  static Map<String, String> quietBusinessTables() throws Exception {
    for (int i = 0; i < 150; i++) {
      String pending =
          TestServers.ownerQuery(
              "SELECT (SELECT count(*) FROM event_outbox WHERE NOT done)"
                  + " + (SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL"
                  + " AND next_attempt_at < now() + interval '1 second')");
      if ("0".equals(pending)) {
        break;
      }
      Thread.sleep(200);
    }
    Thread.sleep(300); // a delivery that has just taken its event commits
    return businessTables();
  }

  /** A digest of every row of every business table (the owner role sees every council's). */
  static Map<String, String> businessTables() throws Exception {
    Map<String, String> digests = new TreeMap<>();
    try (Connection owner = TestServers.owner();
        Statement statement = owner.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet names =
          statement.executeQuery(
              "SELECT table_name FROM information_schema.tables"
                  + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
        while (names.next()) {
          tables.add(names.getString(1));
        }
      }
      for (String table : tables) {
        if (BOOKKEEPING.contains(table)) {
          continue;
        }
        try (ResultSet digest =
            statement.executeQuery(
                "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY"
                    + " t::text)), '') FROM \""
                    + table
                    + "\" t")) {
          digest.next();
          digests.put(table, digest.getString(1));
        }
      }
    }
    assertThat(digests).containsKeys("platform_tenant", "member", "boards_board", "payments_claim");
    return digests;
  }
}
