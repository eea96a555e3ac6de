package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.roundtable.core.testing.FailingTestResource;
import org.roundtable.core.testing.RouteListTestResource;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.HttpSignIn;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.testkit.TestRealms;
import org.roundtable.testkit.TestServers;
import org.roundtable.web.Routes.Route;

/**
 * Every route of the running application, as an attacker would try it: the route list it reports
 * itself (both JAX-RS applications, every plugin route behind the routers, the sign-in pages) × the
 * path written every other way (matrix parameters on each segment, doubled slashes, encoded {@code
 * ;} {@code /} {@code .}, dot segments, another case) × callers who must get nothing (no session, a
 * session cookie made up with the form token derived from it, another council's session, a member
 * on an administrator's route, a council's session on the operators' routes). Nothing but a
 * declared public page answers 2xx, nothing answers 5xx, every path that is not canonical answers
 * 404, and no business row is added or changed.
 */
@PlatformTest(deploy = {FailingTestResource.class, RouteListTestResource.class})
class EveryRouteIT {

  private static final String TENANT = "solihull";
  private static final String OTHER = "kirklees";
  private static final int IN_FLIGHT = 8;

  private final URL deployment = TestServers.applicationUrl();

  private final TestRealms realms =
      new TestRealms(System.getProperty("roundtable.test.keycloak.url"));
  private final String app = TestServers.publicUrl();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  enum Caller {
    NOBODY,
    MADE_UP,
    OTHER_COUNCIL,
    MEMBER_ON_ADMIN_ROUTE,
    COUNCIL_ON_OPERATOR_ROUTE
  }

  /** What a caller sends: headers for the API, a cookie and a form token for the pages. */
  private record Credentials(String bearer, String cookie, String formToken) {}

  private record Outcome(
      Route route,
      Caller caller,
      String path,
      boolean canonical,
      int status,
      String location,
      String body) {}

  @Test
  void noRouteWrittenAnyWayOpensToACallerWhoMayNotUseIt() throws Exception {
    realms.ensureTestUsers();
    realms.ensureTestOperator();
    ApiClient api = new ApiClient(deployment);
    String admin = realms.login(TENANT, TENANT + "-tenant-admin");
    List<Route> routes = Routes.of(api.withBearer(admin).get("/api/v1/" + TENANT + "/test-routes"));
    Set<String> memberPermissions = memberPermissions(api.withBearer(admin));

    Map<Caller, Credentials> apiCallers =
        Map.of(
            Caller.NOBODY, new Credentials(null, null, null),
            Caller.MADE_UP, new Credentials(madeUpBearer(), "k", madeUpToken("k")),
            Caller.OTHER_COUNCIL,
                new Credentials(realms.login(OTHER, OTHER + "-tenant-admin"), null, null),
            Caller.MEMBER_ON_ADMIN_ROUTE,
                new Credentials(realms.login(TENANT, TENANT + "-member"), null, null),
            Caller.COUNCIL_ON_OPERATOR_ROUTE, new Credentials(admin, null, null));
    HttpSignIn.Session member = HttpSignIn.signIn(app, TENANT, TENANT + "-member", "profile");
    HttpSignIn.Session otherAdmin =
        HttpSignIn.signIn(app, OTHER, OTHER + "-tenant-admin", "profile");
    HttpSignIn.Session councilAdmin =
        HttpSignIn.signIn(app, TENANT, TENANT + "-tenant-admin", "profile");
    Map<Caller, Credentials> pageCallers =
        Map.of(
            Caller.NOBODY, new Credentials(null, null, null),
            Caller.MADE_UP, new Credentials(null, "k", madeUpToken("k")),
            Caller.OTHER_COUNCIL,
                new Credentials(null, otherAdmin.cookie(), otherAdmin.formToken()),
            Caller.MEMBER_ON_ADMIN_ROUTE,
                new Credentials(null, member.cookie(), member.formToken()),
            Caller.COUNCIL_ON_OPERATOR_ROUTE,
                new Credentials(null, councilAdmin.cookie(), councilAdmin.formToken()));

    Map<String, String> before = Routes.quietBusinessTables();
    ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<Void>> sent = new ArrayList<>();
    for (Route route : routes) {
      String concrete = Routes.concrete(route.path(), TENANT);
      List<String> variants = new ArrayList<>();
      variants.add(concrete);
      variants.addAll(variants(route.path()));
      for (Caller caller : Caller.values()) {
        if (!applies(caller, route, memberPermissions)) {
          continue;
        }
        Credentials credentials = (route.isApi() ? apiCallers : pageCallers).get(caller);
        for (String path : variants) {
          boolean canonical = path.equals(concrete);
          slots.acquire();
          sent.add(
              http.sendAsync(
                      request(route, path, credentials), HttpResponse.BodyHandlers.ofString())
                  .handle(
                      (response, failure) -> {
                        slots.release();
                        outcomes.add(
                            failure != null
                                ? new Outcome(
                                    route, caller, path, canonical, -1, null, failure.toString())
                                : new Outcome(
                                    route,
                                    caller,
                                    path,
                                    canonical,
                                    response.statusCode(),
                                    response.headers().firstValue("Location").orElse(null),
                                    response.body()));
                        return null;
                      }));
        }
      }
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    Map<String, String> after = Routes.businessTables();

    System.out.printf(
        "Route security matrix: %d routes (%d API, %d pages, %d sign-in; %d from plugins),"
            + " %d requests%n",
        routes.size(),
        routes.stream().filter(Route::isApi).count(),
        routes.stream().filter(r -> r.application().equals("PAGES")).count(),
        routes.stream().filter(r -> r.application().equals("SIGN_IN")).count(),
        routes.stream().filter(r -> !r.owner().equals("core")).count(),
        outcomes.size());
    List<String> wrong =
        outcomes.stream()
            .map(this::whatIsWrong)
            .filter(problem -> !problem.isEmpty())
            .sorted()
            .toList();
    assertThat(wrong).as("requests answered as they must not be").isEmpty();
    assertThat(routes.stream().filter(r -> r.owner().equals("boards"))).isNotEmpty();
    assertThat(routes.stream().filter(r -> r.owner().equals("payments"))).isNotEmpty();
    assertThat(after).as("business rows after the matrix").isEqualTo(before);
  }

  /**
   * Every API operation, sent every wrong input there is by a caller holding every role (the
   * operators' endpoints by an operator): malformed JSON, each field of the body in turn wrong
   * (wrong types, oversized text, impossible dates, odd ids, negative and huge numbers, control
   * characters), odd path ids, bad query values. Only 4xx problem responses, no internals, and
   * nothing written.
   */
  @Test
  void noMalformedOrWrongInputIsAnsweredWith5xxOrWritesAnything() throws Exception {
    realms.ensureTestUsers();
    realms.ensureTestOperator();
    TestServers.keycloak()
        .ensureUser(
            TENANT,
            TENANT + "-everything",
            TestRealms.PASSWORD,
            List.of("member", "officer", "tenant-admin", "finance"));
    ApiClient api = new ApiClient(deployment);
    String everything = realms.login(TENANT, TENANT + "-everything");
    String operator = realms.login(TestRealms.OPERATORS, "operator");
    List<Route> routes =
        Routes.of(api.withBearer(everything).get("/api/v1/" + TENANT + "/test-routes")).stream()
            .filter(r -> r.isApi() && !r.isTestOnly())
            .toList();
    // Their own member record is made at their first call: before the rows are counted.
    assertThat(api.withBearer(everything).get("/api/v1/" + TENANT + "/me").status()).isEqualTo(200);

    Map<String, String> before = Routes.quietBusinessTables();
    List<HttpRequest> requests = new ArrayList<>();
    for (Route route : routes) {
      String bearer = route.isOperators() ? operator : everything;
      String path = Routes.concrete(route.path(), TENANT);
      if (route.body().isPresent()
          && route.consumes().stream().noneMatch(c -> !c.contains("json"))) {
        for (String malformed : BadInputs.MALFORMED) {
          requests.add(json(route, path, bearer, malformed));
        }
        for (BadInputs.Body body : BadInputs.bodies(route.body().get())) {
          requests.add(json(route, path, bearer, body.json()));
        }
      }
      for (Routes.Field query : route.query()) {
        for (String bad : BadInputs.badText(query.kind())) {
          requests.add(plain(route, path + "?" + query.name() + "=" + encode(bad), bearer));
        }
      }
      List<String> template = Routes.segments(route.path());
      for (int i = 0; i < template.size(); i++) {
        if (template.get(i).startsWith("{") && !template.get(i).equals("{tenant}")) {
          for (String bad : BadInputs.badText("uuid")) {
            List<String> segments = new ArrayList<>(Routes.segments(path));
            segments.set(i, encode(bad));
            requests.add(plain(route, "/" + String.join("/", segments), bearer));
          }
        }
      }
    }
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<Void>> sent = new ArrayList<>();
    for (HttpRequest request : requests) {
      slots.acquire();
      sent.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .handle(
                  (response, failure) -> {
                    slots.release();
                    String problem =
                        failure != null ? failure.toString() : whatIsWrongWith(response);
                    if (!problem.isEmpty()) {
                      wrong.add(
                          request.method() + " " + request.uri().getRawPath() + ": " + problem);
                    }
                    return null;
                  }));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    Map<String, String> after = Routes.businessTables();

    System.out.printf(
        "Bad-input fuzz: %d API operations, %d requests%n", routes.size(), requests.size());
    assertThat(wrong.stream().sorted().toList()).as("answers to bad input").isEmpty();
    assertThat(after).as("business rows after the fuzz").isEqualTo(before);
  }

  /** Empty when a bad input was refused as it should be: 4xx, a problem, no internals. */
  private static String whatIsWrongWith(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status < 400 || status >= 500) {
      return Integer.toString(status) + " " + abbreviate(response.body());
    }
    if (!response
        .headers()
        .firstValue("Content-Type")
        .orElse("")
        .startsWith("application/problem+json")) {
      return status + " without a problem body";
    }
    String body = response.body();
    if (body.contains("Exception") || body.contains("org.") || body.contains("SQL")) {
      return status + " with internals: " + abbreviate(body);
    }
    return "";
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 200 ? body.substring(0, 200) : body;
  }

  private HttpRequest json(Route route, String path, String bearer, String body) {
    return HttpRequest.newBuilder(URI.create(app + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + bearer)
        .header("Content-Type", "application/json")
        .method(route.method(), HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpRequest plain(Route route, String path, String bearer) {
    boolean body = !route.method().equals("GET") && !route.method().equals("DELETE");
    return HttpRequest.newBuilder(URI.create(app + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + bearer)
        .header("Content-Type", "application/json")
        .method(
            route.method(),
            body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
        .build();
  }

  private static String encode(String text) {
    return text.startsWith("%")
        ? text
        : java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Empty when the answer is right; else what is wrong, for the report. */
  private String whatIsWrong(Outcome o) {
    String request = o.route().method() + " " + o.path() + " as " + o.caller() + ": ";
    if (o.status() < 0) {
      return request + "no answer (" + o.body() + ")";
    }
    if (o.status() >= 500) {
      return request + o.status();
    }
    if (o.body() != null
        && (o.body().contains("Exception") || o.body().contains("org.roundtable"))) {
      return request + o.status() + " with internals in the body";
    }
    if (!o.canonical()) {
      return o.status() == 404 ? "" : request + o.status() + ", not 404";
    }
    if (o.route().access().equals("PUBLIC")) {
      return "";
    }
    if (o.status() >= 200 && o.status() < 300) {
      return request + o.status();
    }
    int expected = expected(o.route(), o.caller());
    if (o.status() != expected) {
      return request + o.status() + ", not " + expected;
    }
    if (expected == 303
        && !o.route().application().equals("SIGN_IN")
        && (o.location() == null || !o.location().contains("/login?return="))) {
      return request + "303 to " + o.location() + ", not to signing in";
    }
    return "";
  }

  /** What a canonical request of a caller who may not use the route must be answered. */
  private static int expected(Route route, Caller caller) {
    if (route.application().equals("SIGN_IN")) {
      // Signing out: nobody to sign out (303 home), a made-up token (403), another council's
      // session, which is not found here (303 home).
      return caller == Caller.MADE_UP ? 403 : 303;
    }
    return switch (caller) {
      case NOBODY, MADE_UP, OTHER_COUNCIL, COUNCIL_ON_OPERATOR_ROUTE -> route.isApi() ? 401 : 303;
      case MEMBER_ON_ADMIN_ROUTE -> route.isOperators() ? (route.isApi() ? 401 : 303) : 403;
    };
  }

  private static boolean applies(Caller caller, Route route, Set<String> memberPermissions) {
    return switch (caller) {
      case NOBODY, MADE_UP, OTHER_COUNCIL -> true;
      case MEMBER_ON_ADMIN_ROUTE ->
          route.isOperators()
              || (route.access().equals("PERMISSION")
                  && !memberPermissions.contains(route.permission()));
      case COUNCIL_ON_OPERATOR_ROUTE -> route.isOperators();
    };
  }

  private HttpRequest request(Route route, String path, Credentials credentials) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(app + path)).timeout(Duration.ofSeconds(30));
    if (credentials.bearer() != null) {
      request.header("Authorization", "Bearer " + credentials.bearer());
    }
    if (credentials.cookie() != null) {
      request.header("Cookie", "roundtable_session=" + credentials.cookie());
    }
    if (!route.isApi()) {
      request.header("Accept", "text/html");
    }
    boolean body = !route.method().equals("GET") && !route.method().equals("DELETE");
    if (!body) {
      return request.method(route.method(), HttpRequest.BodyPublishers.noBody()).build();
    }
    String token = credentials.formToken() == null ? "" : credentials.formToken();
    if (route.isApi()) {
      if (credentials.formToken() != null) {
        request.header("X-CSRF-TOKEN", token);
      }
      // What the endpoint reads (a receipt's bytes, say), else JSON.
      String type =
          route.consumes().stream()
              .filter(c -> !c.contains("*"))
              .findFirst()
              .orElse("application/json");
      return request
          .header("Content-Type", type)
          .method(
              route.method(),
              HttpRequest.BodyPublishers.ofString(type.contains("json") ? "{}" : "%PDF-1.4"))
          .build();
    }
    if (route.consumes().stream().anyMatch(c -> c.startsWith("multipart/"))) {
      String boundary = "RouteSecurity" + UUID.randomUUID().toString().replace("-", "");
      String form =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
              + token
              + "\r\n--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
              + "Content-Type: image/png\r\n\r\nPNG\r\n--"
              + boundary
              + "--\r\n";
      return request
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .method(route.method(), HttpRequest.BodyPublishers.ofString(form))
          .build();
    }
    return request
        .header("Content-Type", "application/x-www-form-urlencoded")
        .method(route.method(), HttpRequest.BodyPublishers.ofString("_csrf=" + token))
        .build();
  }

  /** The same path written every other way: each must be refused with 404. */
  static List<String> variants(String template) {
    List<String> segments =
        Routes.segments(template).stream().map(seg -> Routes.fill(seg, TENANT)).toList();
    List<String> variants = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      variants.add(join(segments, i, segments.get(i) + ";x"));
      variants.add(join(segments, i, segments.get(i) + "%3Bx"));
      String written = Routes.segments(template).get(i);
      if (!written.startsWith("{") || written.equals("{tenant}")) {
        String upper = segments.get(i).toUpperCase(Locale.ROOT);
        if (!upper.equals(segments.get(i))) {
          variants.add(join(segments, i, upper));
        }
        variants.add(
            join(segments, i, "%" + hex(segments.get(i).charAt(0)) + segments.get(i).substring(1)));
      }
      if (i + 1 < segments.size()) {
        variants.add(join(segments, i, segments.get(i) + "/")); // a doubled slash
        variants.add(join(segments, i, segments.get(i) + "%2F" + segments.get(i + 1), i + 1));
        variants.add(join(segments, i, segments.get(i) + "/."));
        variants.add(join(segments, i, segments.get(i) + "/x/.."));
        variants.add(join(segments, i, segments.get(i) + "/%2E%2E/" + segments.get(i)));
      }
    }
    variants.add("/" + String.join("/", segments) + "/..");
    return variants;
  }

  private static String hex(char c) {
    return String.format("%02X", (int) c);
  }

  private static String join(List<String> segments, int at, String replacement, int... dropped) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      final int index = i;
      if (java.util.Arrays.stream(dropped).anyMatch(d -> d == index)) {
        continue;
      }
      path.append('/').append(i == at ? replacement : segments.get(i));
    }
    return path.toString();
  }

  /** A session cookie made up by the caller, with the form token the old scheme derived from it. */
  private static String madeUpToken(String sessionKey) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac.doFinal("roundtable form token".getBytes(StandardCharsets.UTF_8)));
  }

  /** An unsigned token naming the tenant's realm as issuer. */
  private String madeUpBearer() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(
            ("{\"iss\":\""
                    + System.getProperty("roundtable.test.keycloak.url")
                    + "/realms/"
                    + TENANT
                    + "\",\"sub\":\"x\",\"aud\":\"platform-api\","
                    + "\"realm_access\":{\"roles\":[\"tenant-admin\"]},\"exp\":4102444800}")
                .getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  private static Set<String> memberPermissions(ApiClient admin) {
    return admin.get("/api/v1/" + TENANT + "/permissions").structure().asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(
            p -> p.getJsonArray("roles").getValuesAs(JsonValue::toString).contains("\"member\""))
        .map(p -> p.getString("name"))
        .collect(Collectors.toSet());
  }
}
