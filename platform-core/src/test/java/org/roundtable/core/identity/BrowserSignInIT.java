package org.roundtable.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.roundtable.core.identity.session.WebSessions;
import org.roundtable.core.testing.FailingTestResource;
import org.roundtable.core.testing.RouteListTestResource;
import org.roundtable.steps.keycloak.KeycloakHttp;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.Browser;
import org.roundtable.testkit.HttpSignIn;
import org.roundtable.testkit.PayaraInstance;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.testkit.TestRealms;
import org.roundtable.testkit.TestServers;

/**
 * Signing in with a real browser (headless Chromium) on Keycloak's own login page: the session is
 * the platform's, kept in PostgreSQL for one tenant, carried by a cookie scoped to that tenant, and
 * ended together with Keycloak's.
 */
@PlatformTest(deploy = {FailingTestResource.class, RouteListTestResource.class})
class BrowserSignInIT {

  private static final String SESSION = "roundtable_session";

  private final URL deployment = TestServers.applicationUrl();

  private final String keycloak = System.getProperty("roundtable.test.keycloak.url");
  private final TestRealms realms = new TestRealms(keycloak);
  private final HttpClient http = HttpClient.newHttpClient();
  private String app;

  @BeforeEach
  void realmsWithTestUsers() throws Exception {
    realms.ensureTestUsers();
    realms.ensureTestOperator();
    app = TestServers.publicUrl();
  }

  @Test
  void aMemberSignsInSeesWhoTheyAreAndSignsOutOfKeycloakToo() throws Exception {
    try (Browser browser = Browser.start()) {
      browser.open(app + "/kirklees/");
      browser.addCookie(
          new Cookie.Builder(SESSION, "chosen-by-someone-else").path("/kirklees/").build());

      browser.clickLink("Sign in").waitForUrl(keycloak + "/realms/kirklees/");
      browser
          .signInOnKeycloak("kirklees-member", TestRealms.PASSWORD)
          .waitForUrl(app + "/kirklees/");

      assertThat(browser.textOf("#signed-in-name")).isEqualTo("Member of kirklees");
      assertThat(browser.textOf("#roles")).contains("Member").doesNotContain("administrator");
      Cookie session = browser.cookie(SESSION).orElseThrow();
      assertThat(session.getValue()).as("a new session id").isNotEqualTo("chosen-by-someone-else");
      assertThat(session.isHttpOnly()).isTrue();
      assertThat(session.getSameSite()).isEqualTo("Lax");
      assertThat(session.getPath()).isEqualTo("/kirklees/");
      assertThat(session.isSecure()).as("plain HTTP in tests: development mode").isFalse();
      assertThat(sessionsStoredFor("kirklees", session.getValue())).isEqualTo("1");

      browser.open(app + "/solihull/");
      assertThat(browser.text()).contains("Sign in").doesNotContain("Member of kirklees");
      assertThat(page("/solihull/", session.getValue()).body())
          .as("the Kirklees session sent to Solihull by hand")
          .contains("Sign in")
          .doesNotContain("Member of kirklees");
      assertThat(page("/api/v1/kirklees/me", session.getValue()).statusCode())
          .as("the JSON API never accepts the session cookie")
          .isEqualTo(401);

      try (PayaraInstance second = PayaraInstance.start()) {
        assertThat(page(second.url(), "/kirklees/", session.getValue()).body())
            .as("another instance serves the same session")
            .contains("Member of kirklees");
      }

      browser.open(app + "/kirklees/").click("#sign-out").waitForUrl(app + "/kirklees/");
      assertThat(browser.text()).contains("Sign in").doesNotContain("Member of kirklees");
      assertThat(sessionsStoredFor("kirklees", session.getValue())).isEqualTo("0");
      assertThat(page("/kirklees/", session.getValue()).body())
          .doesNotContain("Member of kirklees");
      browser.clickLink("Sign in").waitForUrl(keycloak + "/realms/kirklees/");
      assertThat(browser.has("#password"))
          .as("Keycloak asks for the password again: its session ended too")
          .isTrue();
    }
  }

  @Test
  void aSessionEndsWhenIdleTooLongOrPastItsAbsoluteLimit() throws Exception {
    try (Browser browser = Browser.start()) {
      signIn(browser, "kirklees", "kirklees-officer");
      String key = browser.cookie(SESSION).orElseThrow().getValue();
      TestServers.ownerSql(
          "UPDATE web_session SET last_seen_at = now() - interval '31 minutes'"
              + " WHERE id_hash = '"
              + hash(key)
              + "'");
      assertThat(browser.open(app + "/kirklees/").text()).doesNotContain("Officer of kirklees");

      browser.clickLink("Sign in").waitForUrl(app + "/kirklees/");
      assertThat(browser.textOf("#signed-in-name"))
          .as("still signed in at Keycloak: straight back")
          .isEqualTo("Officer of kirklees");
      String second = browser.cookie(SESSION).orElseThrow().getValue();
      TestServers.ownerSql(
          "UPDATE web_session SET expires_at = now() - interval '1 second'"
              + " WHERE id_hash = '"
              + hash(second)
              + "'");
      assertThat(browser.open(app + "/kirklees/").text()).doesNotContain("Officer of kirklees");
    }
  }

  @Test
  void aCallbackThatDoesNotMatchTheSignInThisBrowserStartedIsRefused() throws Exception {
    HttpResponse<String> start = send(HttpRequest.newBuilder(URI.create(app + "/kirklees/login")));
    assertThat(start.statusCode()).isEqualTo(303);
    URI authorization = URI.create(start.headers().firstValue("Location").orElseThrow());
    assertThat(authorization.toString())
        .startsWith(keycloak + "/realms/kirklees/protocol/openid-connect/auth?")
        .contains("code_challenge_method=S256")
        .contains("nonce=")
        .contains("client_id=web-app");
    String state = parameter(authorization, "state");
    String signInCookie = start.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    assertThat(start.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .contains("Path=/kirklees/");

    assertThat(callback("state=" + state + "&code=x", null).statusCode())
        .as("no sign-in started in this browser")
        .isEqualTo(400);
    assertThat(callback("state=forged&code=x", signInCookie).statusCode())
        .as("another state")
        .isEqualTo(400);
    assertThat(callback("state=" + state + "&code=x", signInCookie).statusCode())
        .as("the right state is used up by the refusal above")
        .isEqualTo(400);

    HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(app + "/kirklees/login")));
    String cookie = again.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String secondState =
        parameter(URI.create(again.headers().firstValue("Location").orElseThrow()), "state");
    HttpResponse<String> badCode = callback("state=" + secondState + "&code=made-up", cookie);
    assertThat(badCode.statusCode()).as("a code Keycloak never issued").isEqualTo(400);
    assertThat(badCode.body()).contains("Try signing in again").doesNotContain("Exception");
    assertThat(badCode.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(SESSION));

    HttpResponse<String> nowhere =
        send(HttpRequest.newBuilder(URI.create(app + "/nowhere/")).header("Accept", "text/html"));
    assertThat(nowhere.statusCode()).isEqualTo(404);
    assertThat(nowhere.body()).contains("<title>Page not found");
  }

  @Test
  void suspendingATenantClosesItsPagesAndEndsItsSessions() throws Exception {
    ApiClient operator =
        new ApiClient(deployment).withBearer(realms.login(TestRealms.OPERATORS, "operator"));
    String status = "/api/v1/platform/tenants/solihull/status";
    try (Browser browser = Browser.start()) {
      signIn(browser, "solihull", "solihull-finance");
      String key = browser.cookie(SESSION).orElseThrow().getValue();
      assertThat(browser.textOf("#roles")).contains("Finance");

      assertThat(operator.put(status, "{\"status\":\"SUSPENDED\"}").status()).isEqualTo(200);
      try {
        assertThat(page("/solihull/", key).statusCode()).isEqualTo(404);
        assertThat(sessionsStoredFor("solihull", key)).isEqualTo("0");
      } finally {
        assertThat(operator.put(status, "{\"status\":\"ACTIVE\"}").status()).isEqualTo(200);
      }
      assertThat(browser.open(app + "/solihull/").text()).doesNotContain("Finance of solihull");
      browser.clickLink("Sign in").waitForUrl(keycloak + "/realms/solihull/");
      assertThat(browser.has("#password")).as("Keycloak's sessions ended too").isTrue();
    }
  }

  @Test
  void rolesGivenInTheBrowserReachOpenSessionsAndADisabledPersonIsSignedOut() throws Exception {
    String username = "kirklees-roles-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    TestServers.keycloak().ensureUser("kirklees", username, "member", TestRealms.PASSWORD);
    // Their browser session, open all along.
    HttpSignIn.Session open = HttpSignIn.signIn(app, "kirklees", username, "profile");
    String id =
        new ApiClient(deployment)
            .withBearer(realms.login("kirklees", username))
            .get("/api/v1/kirklees/me")
            .json()
            .getString("id");
    assertThat(page("/kirklees/people", open.cookie()).statusCode()).isEqualTo(403);

    // A council administrator makes them an officer on their page.
    try (Browser browser = Browser.start()) {
      signIn(browser, "kirklees", "kirklees-tenant-admin");
      browser.open(app + "/kirklees/people/" + id);
      browser.click("#role-officer").click("#save-roles").waitForText("roles have been saved");
      assertThat(browser.has("#role-officer:checked")).isTrue();
    }
    assertThat(
            new ApiClient(deployment)
                .withBearer(realms.login("kirklees", username))
                .get("/api/v1/kirklees/members")
                .status())
        .as("their next API call, with a new token")
        .isEqualTo(200);
    awaitStatus("/kirklees/people", open.cookie(), 200, "the open page session takes the role");

    // Taken away again, through the API: the open session loses it within the refresh interval.
    ApiClient admin =
        new ApiClient(deployment).withBearer(realms.login("kirklees", "kirklees-tenant-admin"));
    assertThat(
            admin
                .put("/api/v1/kirklees/members/" + id + "/roles", "{\"roles\":[\"member\"]}")
                .status())
        .isEqualTo(200);
    awaitStatus("/kirklees/people", open.cookie(), 403, "the open session loses the role");

    // Disabled in Keycloak: signed out at the next refresh.
    String master = TestServers.keycloak().adminToken();
    String user =
        KeycloakHttp.firstId(
            keycloak + "/admin/realms/kirklees/users?exact=true&username=" + username, master);
    KeycloakHttp.put(
        keycloak + "/admin/realms/kirklees/users/" + user, master, "{\"enabled\":false}");
    awaitStatus("/kirklees/profile", open.cookie(), 303, "a disabled person's session ends");
    assertThat(page("/kirklees/profile", open.cookie()).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/kirklees/login"));
  }

  private void awaitStatus(String path, String sessionKey, int status, String what)
      throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    int last = -1;
    while (System.nanoTime() < deadline) {
      last = page(path, sessionKey).statusCode();
      if (last == status) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(what + ": " + path + " answered " + last + ", not " + status);
  }

  private void signIn(Browser browser, String tenant, String username) {
    browser.signIn(tenant, username, TestRealms.PASSWORD);
  }

  private HttpResponse<String> callback(String query, String cookie) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(app + "/kirklees/callback?" + query));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return send(request);
  }

  private HttpResponse<String> page(String path, String sessionKey) throws Exception {
    return page(app, path, sessionKey);
  }

  private HttpResponse<String> page(String base, String path, String sessionKey) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Cookie", SESSION + "=" + sessionKey));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String parameter(URI uri, String name) {
    for (String pair : uri.getRawQuery().split("&")) {
      List<String> parts = List.of(pair.split("=", 2));
      if (parts.get(0).equals(name)) {
        return java.net.URLDecoder.decode(parts.get(1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("No " + name + " in " + uri);
  }

  private static String sessionsStoredFor(String tenant, String key) throws Exception {
    return TestServers.ownerQuery(
        "SELECT count(*) FROM web_session WHERE tenant_id = '"
            + tenant
            + "' AND id_hash = '"
            + hash(key)
            + "'");
  }

  private static String hash(String key) {
    return WebSessions.hash(key);
  }
}
