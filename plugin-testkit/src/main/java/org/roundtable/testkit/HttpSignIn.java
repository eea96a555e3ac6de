package org.roundtable.testkit;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEST ONLY: a browser sign-in without a browser, through the platform's real sign-in pages and
 * Keycloak's real login form, for tests that need many sessions quickly. It gives the session
 * cookie and the form token the platform put on the person's pages.
 */
public final class HttpSignIn {

  private static final Pattern FORM_ACTION =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
  private static final Pattern ACTION_FIRST =
      Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"");
  private static final Pattern TOKEN =
      Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"|value=\"([^\"]+)\" name=\"_csrf\"");

  /**
   * A signed-in browser session.
   *
   * @param tenant the council (or {@code platform} for operators)
   * @param cookie the session cookie's value
   * @param formToken the form token the platform puts on this session's forms
   */
  public record Session(String tenant, String cookie, String formToken) {

    /** The {@code Cookie} header a browser would send. */
    public String cookieHeader() {
      return "roundtable_session=" + cookie;
    }
  }

  private HttpSignIn() {}

  /**
   * Signs in at {@code /{tenant}/login} as a person of the tenant's realm.
   *
   * @param tokenPage a page of the tenant that shows a form to this person (its token is read)
   */
  public static Session signIn(String app, String tenant, String username, String tokenPage)
      throws IOException, InterruptedException {
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new LocalhostIsSecure(cookies))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create(app + "/" + tenant + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    String action = formAction(login.body());
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(TestRealms.PASSWORD, StandardCharsets.UTF_8)
            + "&credentialId=";
    HttpResponse<String> landed =
        http.send(
            HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (landed.statusCode() != 200 || !landed.uri().toString().startsWith(app + "/" + tenant)) {
      throw new IllegalStateException(
          "Signing in "
              + username
              + " ended at "
              + landed.uri()
              + " ("
              + landed.statusCode()
              + ")");
    }
    String session =
        cookies.getCookieStore().get(URI.create(app + "/" + tenant + "/")).stream()
            .filter(c -> c.getName().equals("roundtable_session"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No session cookie for " + username));
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(app + "/" + tenant + "/" + tokenPage)).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher token = TOKEN.matcher(page.body());
    if (!token.find()) {
      throw new IllegalStateException("No form on /" + tenant + "/" + tokenPage);
    }
    return new Session(tenant, session, token.group(1) != null ? token.group(1) : token.group(2));
  }

  /**
   * Keycloak marks its sign-in cookies {@code Secure}; browsers treat {@code localhost} as a secure
   * context and send them over plain HTTP, Java's cookie manager does not. This one does, as a
   * browser would.
   */
  private static final class LocalhostIsSecure extends CookieHandler {

    private final CookieManager cookies;

    LocalhostIsSecure(CookieManager cookies) {
      this.cookies = cookies;
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers)
        throws IOException {
      return cookies.get(uri, headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      Map<String, List<String>> plain = new HashMap<>();
      headers.forEach(
          (name, values) ->
              plain.put(
                  name,
                  name != null && name.equalsIgnoreCase("Set-Cookie")
                      ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList()
                      : values));
      cookies.put(uri, plain);
    }
  }

  private static String formAction(String loginPage) {
    Matcher matcher = FORM_ACTION.matcher(loginPage);
    if (!matcher.find()) {
      matcher = ACTION_FIRST.matcher(loginPage);
      if (!matcher.find()) {
        throw new IllegalStateException("Keycloak's login form was not found");
      }
    }
    return matcher.group(1).replace("&amp;", "&");
  }
}
