package org.roundtable.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.roundtable.steps.keycloak.KeycloakHttp;

/**
 * TEST ONLY: what the identity tests add to the tenants' real realms through Keycloak's admin API —
 * a password-grant client and users per role (test realms only, never the realm template), and a
 * passive signing key whose private half the test holds, so it can forge tokens that differ from a
 * valid one in exactly one respect.
 */
public final class TestRealms {

  static final String CLIENT = "test-password-grant";
  public static final String OPERATORS = "roundtable-operators";
  public static final String PASSWORD = "Test-only-password-1";

  private final String keycloak;

  public TestRealms(String keycloak) {
    this.keycloak = keycloak;
  }

  public String adminToken() throws IOException {
    return TestServers.keycloak().adminToken();
  }

  /** Adds the test client if missing. */
  public void ensurePasswordClient(String realm) throws IOException {
    String token = adminToken();
    String clients = keycloak + "/admin/realms/" + realm + "/clients";
    if (!KeycloakHttp.getJson(clients + "?clientId=" + CLIENT, token).asJsonArray().isEmpty()) {
      return;
    }
    KeycloakHttp.post(
        clients,
        token,
        Json.createObjectBuilder()
            .add("clientId", CLIENT)
            .add("publicClient", true)
            .add("directAccessGrantsEnabled", true)
            .add("standardFlowEnabled", false)
            .add(
                "protocolMappers",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "platform-api audience")
                            .add("protocol", "openid-connect")
                            .add("protocolMapper", "oidc-audience-mapper")
                            .add(
                                "config",
                                Json.createObjectBuilder()
                                    .add("included.client.audience", "platform-api")
                                    .add("access.token.claim", "true"))))
            .build()
            .toString());
  }

  /**
   * Makes sure every test council's realm (Kirklees, Solihull and the plugin's own councils) has
   * the test client and one user per platform role, named {@code <council>-<role>}.
   */
  public void ensureTestUsers() throws IOException {
    for (String realm : RunFiles.councils()) {
      ensurePasswordClient(realm);
      for (String role : List.of("member", "officer", "tenant-admin", "finance")) {
        TestServers.keycloak().ensureUser(realm, realm + "-" + role, role, PASSWORD);
      }
    }
  }

  /** The operators' realm gets the test client and one platform-admin user. */
  public void ensureTestOperator() throws IOException {
    ensurePasswordClient(OPERATORS);
    TestServers.keycloak().ensureUser(OPERATORS, "operator", "platform-admin", PASSWORD);
  }

  /** A real access token, by the password grant of the test client. */
  public String login(String realm, String username) throws IOException {
    return KeycloakHttp.token(
        keycloak,
        realm,
        Map.of(
            "grant_type", "password",
            "client_id", CLIENT,
            "username", username,
            "password", PASSWORD,
            "scope", "openid"));
  }

  /**
   * Signs in someone the platform invited (a member or a guest) without reading their email: the
   * realm user the invitation made gets the test password and loses its set-password action, as if
   * they had followed the link, and a real token is fetched for it.
   *
   * @param realm the council's realm
   * @param email the address the invitation went to (the user's name in the realm)
   * @return their access token
   */
  public String loginInvited(String realm, String email) throws IOException {
    ensurePasswordClient(realm);
    String token = adminToken();
    String users = keycloak + "/admin/realms/" + realm + "/users";
    String id =
        KeycloakHttp.firstId(
            users + "?exact=true&username=" + KeycloakHttp.segment(email.toLowerCase()), token);
    KeycloakHttp.put(
        users + "/" + KeycloakHttp.segment(id),
        token,
        Json.createObjectBuilder()
            .add("requiredActions", Json.createArrayBuilder())
            .add("emailVerified", true)
            .build()
            .toString());
    KeycloakHttp.put(
        users + "/" + KeycloakHttp.segment(id) + "/reset-password",
        token,
        Json.createObjectBuilder()
            .add("type", "password")
            .add("value", PASSWORD)
            .add("temporary", false)
            .build()
            .toString());
    return KeycloakHttp.token(
        keycloak,
        realm,
        Map.of(
            "grant_type",
            "password",
            "client_id",
            CLIENT,
            "username",
            email.toLowerCase(),
            "password",
            PASSWORD,
            "scope",
            "openid"));
  }

  /**
   * Adds a passive RS256 key to the realm (published for verification, never used by Keycloak to
   * sign) and returns it with the key id Keycloak gave it.
   */
  public ForgeryKey addForgeryKey(String realm) throws IOException {
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      pair = generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String token = adminToken();
    String realmId =
        KeycloakHttp.getJson(keycloak + "/admin/realms/" + realm, token)
            .asJsonObject()
            .getString("id");
    String name = "test-forgery-" + System.nanoTime();
    KeycloakHttp.post(
        keycloak + "/admin/realms/" + realm + "/components",
        token,
        Json.createObjectBuilder()
            .add("name", name)
            .add("providerId", "rsa")
            .add("providerType", "org.keycloak.keys.KeyProvider")
            .add("parentId", realmId)
            .add(
                "config",
                Json.createObjectBuilder()
                    .add("priority", Json.createArrayBuilder().add("0"))
                    .add("enabled", Json.createArrayBuilder().add("true"))
                    .add("active", Json.createArrayBuilder().add("false"))
                    .add("algorithm", Json.createArrayBuilder().add("RS256"))
                    .add(
                        "privateKey",
                        Json.createArrayBuilder()
                            .add(
                                Base64.getEncoder()
                                    .encodeToString(pair.getPrivate().getEncoded()))))
            .build()
            .toString());
    String componentId =
        KeycloakHttp.firstId(
            keycloak + "/admin/realms/" + realm + "/components?name=" + name, token);
    String kid =
        KeycloakHttp.getJson(keycloak + "/admin/realms/" + realm + "/keys", token)
            .asJsonObject()
            .getJsonArray("keys")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(k -> componentId.equals(k.getString("providerId", "")))
            .findFirst()
            .orElseThrow()
            .getString("kid");
    return new ForgeryKey(kid, pair);
  }

  /** A signing key the realm publishes and the test holds. */
  public record ForgeryKey(String kid, KeyPair pair) {}
}
