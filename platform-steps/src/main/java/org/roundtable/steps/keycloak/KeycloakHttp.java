package org.roundtable.steps.keycloak;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The few calls the platform makes to Keycloak's token endpoint and admin REST API, with the JDK's
 * HTTP client and JSON-P. (Keycloak's admin client needs RESTEasy and breaks a Jersey deployment.)
 */
public final class KeycloakHttp {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private KeycloakHttp() {}

  /** An access token from a realm's token endpoint. */
  public static String token(String keycloakUrl, String realm, Map<String, String> form)
      throws IOException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        keycloakUrl
                            + "/realms/"
                            + segment(realm)
                            + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    expect(response, 200, "token from realm " + realm);
    return parse(response.body()).asJsonObject().getString("access_token");
  }

  /**
   * A service account's access token (the client credentials grant).
   *
   * @param keycloakUrl Keycloak's base address
   * @param realm the realm the client is in
   * @param clientId the client
   * @param secret its secret
   */
  public static String clientCredentials(
      String keycloakUrl, String realm, String clientId, String secret) throws IOException {
    return token(
        keycloakUrl,
        realm,
        Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
  }

  /** GET a JSON document with a bearer token. */
  public static JsonStructure getJson(String url, String token) throws IOException {
    HttpResponse<String> response = send(authorized(url, token).GET());
    expect(response, 200, "GET " + url);
    return parse(response.body());
  }

  /** The status of a GET, for existence checks. */
  public static int status(String url, String token) throws IOException {
    return send(authorized(url, token).GET()).statusCode();
  }

  /** POST JSON with a bearer token; 201 or 204 expected. */
  public static void post(String url, String token, String json) throws IOException {
    sendJson("POST", url, token, json, 201, 204);
  }

  /** POST with a bearer token and no body, for admin actions; 200 or 204 expected. */
  public static void act(String url, String token) throws IOException {
    sendJson("POST", url, token, "", 204, 200);
  }

  /** POST with a bearer token and no body to an admin action that answers JSON; 200 expected. */
  public static jakarta.json.JsonObject actForJson(String url, String token) throws IOException {
    HttpResponse<String> response = sendJson("POST", url, token, "", 200);
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  /** PUT JSON with a bearer token; 204 expected. */
  public static void put(String url, String token, String json) throws IOException {
    sendJson("PUT", url, token, json, 204);
  }

  /** DELETE with a JSON body (role mappings) and a bearer token; 204 expected. */
  public static void delete(String url, String token, String json) throws IOException {
    sendJson("DELETE", url, token, json, 204);
  }

  /** DELETE of a resource (a realm, a user) with a bearer token; 204 expected. */
  public static void delete(String url, String token) throws IOException {
    expect(send(authorized(url, token).DELETE()), 204, "DELETE " + url);
  }

  /** The id of the first thing a search finds, if it finds anything. */
  public static java.util.Optional<String> findId(String searchUrl, String token)
      throws IOException {
    var found = getJson(searchUrl, token).asJsonArray();
    return found.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(found.getJsonObject(0).getString("id"));
  }

  public static String firstId(String searchUrl, String token) throws IOException {
    var found = getJson(searchUrl, token).asJsonArray();
    if (found.isEmpty()) {
      throw new IOException("Keycloak found nothing at " + searchUrl);
    }
    return found.getJsonObject(0).getString("id");
  }

  /**
   * A value as one path segment of a Keycloak admin address (realm names, user and client ids, role
   * names): percent-encoded, so no value can add a segment, a query or a dot segment.
   *
   * @throws IllegalArgumentException for an empty value or a dot segment
   */
  public static String segment(String value) {
    if (value == null || value.isEmpty() || value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException("Not a path segment: " + value);
    }
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  /**
   * Creates a user in a realm and gives them one realm role.
   *
   * @return the user's id: the subject their tokens will carry
   */
  public static String createUser(
      String keycloakUrl, String token, String realm, JsonObject user, String role)
      throws IOException {
    return createUser(keycloakUrl, token, realm, user, java.util.List.of(role));
  }

  /**
   * Creates a user in a realm and gives them these realm roles; if the roles cannot be given, the
   * user is removed again before the failure is thrown.
   *
   * @return the user's id: the subject their tokens will carry
   */
  public static String createUser(
      String keycloakUrl, String token, String realm, JsonObject user, java.util.List<String> roles)
      throws IOException {
    String users = keycloakUrl + "/admin/realms/" + segment(realm) + "/users";
    HttpResponse<String> created = sendJson("POST", users, token, user.toString(), 201);
    String location =
        created
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new IOException("Keycloak created a user without saying where"));
    String id = location.substring(location.lastIndexOf('/') + 1);
    try {
      var representations = Json.createArrayBuilder();
      for (String role : roles) {
        representations.add(
            getJson(
                    keycloakUrl + "/admin/realms/" + segment(realm) + "/roles/" + segment(role),
                    token)
                .asJsonObject());
      }
      post(
          users + "/" + segment(id) + "/role-mappings/realm",
          token,
          representations.build().toString());
    } catch (IOException | RuntimeException e) {
      // A user without their roles would be left behind and refuse the next attempt with the
      // same address: taken away again, so a failure here changes nothing.
      try {
        delete(users + "/" + segment(id), token);
      } catch (IOException | RuntimeException removal) {
        e.addSuppressed(removal);
      }
      throw e;
    }
    return id;
  }

  private static HttpResponse<String> sendJson(
      String method, String url, String token, String json, int... expected) throws IOException {
    HttpResponse<String> response =
        send(
            authorized(url, token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    for (int status : expected) {
      if (response.statusCode() == status) {
        return response;
      }
    }
    expect(response, expected[0], method + " " + url);
    return response;
  }

  private static HttpRequest.Builder authorized(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted calling Keycloak", e);
    }
  }

  /** Keycloak answered, with a status other than the one expected. */
  public static final class Refused extends IOException {
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    /** The HTTP status Keycloak answered with. */
    public int status() {
      return status;
    }
  }

  private static void expect(HttpResponse<String> response, int status, String what)
      throws Refused {
    if (response.statusCode() != status) {
      throw new Refused(
          response.statusCode(),
          "Keycloak answered "
              + response.statusCode()
              + " to "
              + what
              + ": "
              + abbreviate(response.body()));
    }
  }

  private static String abbreviate(String body) {
    return body == null || body.length() < 300 ? body : body.substring(0, 300) + "...";
  }

  private static JsonStructure parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.read();
    }
  }
}
