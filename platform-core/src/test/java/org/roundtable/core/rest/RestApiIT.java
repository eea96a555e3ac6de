package org.roundtable.core.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URL;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.core.testing.FailingTestResource;
import org.roundtable.core.testing.RouteListTestResource;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.Eventually;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.testkit.TestRealms;
import org.roundtable.testkit.TestServers;

/**
 * The JSON API as a caller meets it over HTTP: tenants fixed from the URL, deny by default, one
 * tenant's writes invisible to the other through every endpoint, and a problem response for every
 * kind of bad request.
 */
@PlatformTest(deploy = {FailingTestResource.class, RouteListTestResource.class})
class RestApiIT {

  private static final String PROBLEM = "application/problem+json";

  private final URL deployment = TestServers.applicationUrl();

  private ApiClient anonymous;
  private ApiClient kirkleesOfficer;
  private ApiClient kirkleesAdmin;
  private ApiClient solihullOfficer;
  private ApiClient solihullAdmin;

  private final TestRealms realms =
      new TestRealms(System.getProperty("roundtable.test.keycloak.url"));

  @BeforeEach
  void clients() throws IOException {
    realms.ensureTestUsers();
    anonymous = new ApiClient(deployment);
    kirkleesOfficer = signedIn("kirklees", "officer");
    kirkleesAdmin = signedIn("kirklees", "tenant-admin");
    solihullOfficer = signedIn("solihull", "officer");
    solihullAdmin = signedIn("solihull", "tenant-admin");
  }

  /** A client with a real access token of a realm user holding one platform role. */
  private ApiClient signedIn(String tenant, String role) throws IOException {
    return anonymous.withBearer(realms.login(tenant, tenant + "-" + role));
  }

  @Test
  void publicProfileNeedsNoSignInAndNamesTheCouncil() {
    ApiClient.Result profile = anonymous.get("/api/v1/kirklees");

    assertThat(profile.status()).isEqualTo(200);
    assertThat(profile.json().getString("slug")).isEqualTo("kirklees");
    assertThat(profile.json().getString("displayName")).isNotBlank();
    assertThat(profile.json().getJsonArray("plugins")).isNotNull();
  }

  @Test
  void unknownOrSuspendedTenantIsNotFound() throws SQLException {
    assertProblem(anonymous.get("/api/v1/atlantis"), 404, "not-found");
    assertProblem(anonymous.get("/api/v1/Not_A_Slug/members"), 404, "not-found");

    // Changed by SQL, not through the platform: each pod sees it within a second (ADR 0025).
    TestServers.ownerSql("UPDATE platform_tenant SET status = 'SUSPENDED' WHERE id = 'solihull'");
    try {
      assertThat(Eventually.withinASecond(() -> anonymous.get("/api/v1/solihull").status() == 404))
          .isTrue();
      assertProblem(anonymous.get("/api/v1/solihull"), 404, "not-found");
      assertProblem(solihullAdmin.get("/api/v1/solihull/members"), 404, "not-found");
    } finally {
      TestServers.ownerSql("UPDATE platform_tenant SET status = 'ACTIVE' WHERE id = 'solihull'");
    }
    assertThat(Eventually.withinASecond(() -> anonymous.get("/api/v1/solihull").status() == 200))
        .isTrue();
  }

  @Test
  void everyEndpointNotDeclaredPublicAnswers401WithoutCredentials() {
    String member = "/api/v1/kirklees/members/" + UUID.randomUUID();
    List<ApiClient.Result> results =
        List.of(
            anonymous.get("/api/v1/kirklees/members"),
            anonymous.post("/api/v1/kirklees/members", "{\"fullName\":\"X\"}"),
            anonymous.get(member),
            anonymous.put(member, "{\"fullName\":\"X\"}"),
            anonymous.get("/api/v1/kirklees/audit"),
            anonymous.get("/api/v1/kirklees/settings"),
            anonymous.put("/api/v1/kirklees/settings", "{\"displayName\":\"X\"}"),
            anonymous.get("/api/v1/kirklees/test-failure"),
            anonymous.post(member + "/invitation", ""),
            anonymous.get("/api/v1/kirklees/me"),
            anonymous.get("/api/v1/kirklees/permissions"),
            anonymous.put("/api/v1/kirklees/permissions/core:audit:read", "{\"roles\":[]}"),
            anonymous.put("/api/v1/kirklees/me", "{\"fullName\":\"X\"}"));

    for (ApiClient.Result result : results) {
      assertProblem(result, 401, "unauthenticated");
      assertThat(result.header("WWW-Authenticate")).startsWith("Bearer");
    }
  }

  @Test
  void credentialsOfAnotherTenantAreNotAcceptedHere() {
    ApiClient.Result result = kirkleesAdmin.get("/api/v1/solihull/members");

    assertProblem(result, 401, "unauthenticated");
  }

  @Test
  void callerWithoutThePermissionIsForbidden() throws IOException {
    ApiClient member = signedIn("kirklees", "member");

    assertProblem(member.post("/api/v1/kirklees/members", person("Nope")), 403, "forbidden");
    assertProblem(member.get("/api/v1/kirklees/audit"), 403, "forbidden");
    assertProblem(kirkleesOfficer.get("/api/v1/kirklees/settings"), 403, "forbidden");
  }

  @Test
  void aWriteInOneTenantNeverAppearsInTheOther() {
    String email = "dulcie." + UUID.randomUUID() + "@example.org";
    ApiClient.Result created =
        kirkleesOfficer.post(
            "/api/v1/kirklees/members",
            person("Dulcie Leach").replace("}", ",\"email\":\"" + email + "\"}"));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().getString("id");
    assertThat(created.header("Location")).endsWith("/api/v1/kirklees/members/" + id);

    assertProblem(solihullOfficer.get("/api/v1/solihull/members/" + id), 404, "not-found");
    assertProblem(
        solihullOfficer.put("/api/v1/solihull/members/" + id, person("Hijacked")),
        404,
        "not-found");
    assertProblem(
        solihullOfficer.post("/api/v1/solihull/members/" + id + "/invitation", ""),
        404,
        "not-found");
    assertThat(solihullOfficer.get("/api/v1/solihull/members?limit=200").body()).doesNotContain(id);
    assertThat(solihullAdmin.get("/api/v1/solihull/audit?limit=1000").body()).doesNotContain(id);
    // The same email is free in another council: the same human in two councils is two members.
    assertThat(
            solihullOfficer
                .post(
                    "/api/v1/solihull/members",
                    person("Dulcie Leach").replace("}", ",\"email\":\"" + email + "\"}"))
                .status())
        .isEqualTo(201);

    assertThat(kirkleesOfficer.get("/api/v1/kirklees/members/" + id).json().getString("fullName"))
        .isEqualTo("Dulcie Leach");
    assertThat(kirkleesAdmin.get("/api/v1/kirklees/audit?resource=" + id).body())
        .contains("member.added")
        .contains("kirklees:");
  }

  @Test
  void tenantAdministratorsChangeIsKeptAndAudited() {
    ApiClient.Result changed =
        solihullAdmin.put("/api/v1/solihull/settings", "{\"displayName\":\"Solihull MBC\"}");

    assertThat(changed.status()).isEqualTo(200);
    assertThat(anonymous.get("/api/v1/solihull").json().getString("displayName"))
        .isEqualTo("Solihull MBC");
    assertThat(solihullAdmin.get("/api/v1/solihull/audit?resource=solihull").body())
        .contains("tenant.settings-changed");
    assertThat(anonymous.get("/api/v1/kirklees").json().getString("displayName"))
        .isNotEqualTo("Solihull MBC");
  }

  @Test
  void badRequestsGetProblemResponsesThatHelpFixThem() {
    String members = "/api/v1/kirklees/members";

    assertProblem(kirkleesOfficer.post(members, "{\"fullName\": "), 400, "invalid-json");
    assertProblem(kirkleesOfficer.post(members, "[1, 2]"), 400, "invalid-json");
    ApiClient.Result invalid =
        kirkleesOfficer.post(members, "{\"fullName\":\" \",\"email\":\"not-an-email\"}");
    assertProblem(invalid, 400, "validation");
    JsonArray errors = invalid.json().getJsonArray("errors");
    assertThat(errors.getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")))
        .containsExactlyInAnyOrder("fullName", "email");
    assertProblem(kirkleesOfficer.post(members, "null"), 400, "validation");
    // A value outside a choice is refused naming the field, before anything binds it.
    ApiClient.Result unknownFormat =
        kirkleesOfficer.post(members, "{\"fullName\":\"X\",\"formats\":[\"SMOKE_SIGNALS\"]}");
    assertProblem(unknownFormat, 400, "validation");
    assertThat(unknownFormat.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("formats[0]");
    assertProblem(
        kirkleesOfficer.send("POST", members, "text/plain", "hello"),
        415,
        "unsupported-media-type");
    ApiClient.Result notAllowed = kirkleesOfficer.delete(members);
    assertProblem(notAllowed, 405, "method-not-allowed");
    assertThat(notAllowed.header("Allow")).contains("GET").contains("POST");
    assertProblem(kirkleesOfficer.get(members + "/" + UUID.randomUUID()), 404, "not-found");
    assertProblem(kirkleesOfficer.get(members + "/not-a-uuid"), 404, "not-found");
    assertProblem(kirkleesOfficer.get("/api/v1/kirklees/no-such-thing"), 404, "not-found");
    assertProblem(kirkleesOfficer.get(members + "?limit=100000"), 400, "validation");
    assertProblem(anonymous.get("/no-such-page"), 404, "not-found");
  }

  @Test
  void aBodyOverItsLimitIsRefusedBeforeItIsRead() throws Exception {
    String members = "/api/v1/kirklees/members";
    String huge = "{\"fullName\":\"" + "x".repeat(2 << 20) + "\"}";
    assertProblem(kirkleesOfficer.post(members, huge), 413, "payload-too-large");

    // Without a length (chunked): refused as soon as it passes the limit.
    java.net.http.HttpResponse<String> chunked =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(TestServers.publicUrl() + members))
                    .header(
                        "Authorization", "Bearer " + realms.login("kirklees", "kirklees-officer"))
                    .header("Content-Type", "application/json")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(huge.getBytes())))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }

  @Test
  void conflictsAnswer409AndLeaveNothingHalfWritten() {
    String members = "/api/v1/kirklees/members";
    String email = "beve." + UUID.randomUUID() + "@example.org";
    String body = person("Beve Smith").replace("}", ",\"email\":\"" + email + "\"}");
    ApiClient.Result first = kirkleesOfficer.post(members, body);
    assertThat(first.status()).isEqualTo(201);
    int auditBefore = auditCount("kirklees", "member.added");

    ApiClient.Result duplicate =
        kirkleesOfficer.post(members, body.replace(email, email.toUpperCase()));
    assertProblem(duplicate, 409, "conflict");

    String id = first.json().getString("id");
    ApiClient.Result stale =
        kirkleesOfficer.put(members + "/" + id, person("Beve S."), "If-Match", "\"999\"");
    assertProblem(stale, 409, "conflict");
    assertThat(kirkleesOfficer.get(members + "/" + id).json().getString("fullName"))
        .isEqualTo("Beve Smith");
    assertThat(auditCount("kirklees", "member.added")).isEqualTo(auditBefore);
    assertThat(auditCount("kirklees", "member.updated", id)).isZero();

    ApiClient.Result current = kirkleesOfficer.get(members + "/" + id);
    ApiClient.Result updated =
        kirkleesOfficer.put(
            members + "/" + id, person("Beve S."), "If-Match", current.header("ETag"));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(auditCount("kirklees", "member.updated", id)).isEqualTo(1);
  }

  @Test
  void concurrentDuplicatesCreateOneMemberAndOneAuditEntry() throws Exception {
    String email = "race." + UUID.randomUUID() + "@example.org";
    String body = person("Racing Person").replace("}", ",\"email\":\"" + email + "\"}");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> posts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        posts.add(() -> kirkleesOfficer.post("/api/v1/kirklees/members", body).status());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> status : pool.invokeAll(posts)) {
        statuses.add(status.get());
      }

      assertThat(statuses).containsOnly(201, 409);
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    String list = kirkleesOfficer.get("/api/v1/kirklees/members?limit=200").body();
    assertThat(list.split(email, -1)).hasSize(2);
  }

  @Test
  void unexpectedFailureAnswers500WithoutInternals() {
    ApiClient.Result failure = kirkleesOfficer.get("/api/v1/kirklees/test-failure");

    assertProblem(failure, 500, "internal");
    assertThat(failure.body())
        .doesNotContain("SELECT")
        .doesNotContain("IllegalStateException")
        .doesNotContain("org.roundtable")
        .contains(failure.header("X-Request-Id"));
  }

  @Test
  void requestIdIsEchoedAndQuotedInProblems() {
    ApiClient.Result result = anonymous.get("/api/v1/atlantis");

    assertThat(result.header("X-Request-Id")).isNotBlank();
    assertThat(result.json().getString("requestId")).isEqualTo(result.header("X-Request-Id"));
  }

  @Test
  void healthAndOpenApiAreServed() {
    ApiClient.Result ready = anonymous.get("/health/ready");
    ApiClient.Result live = anonymous.get("/health/live");
    ApiClient.Result openapi = anonymous.get("/openapi");

    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body()).contains("\"database\"").contains("UP");
    assertThat(live.status()).isEqualTo(200);
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body()).contains("/api/v1/{tenant}/members").contains("Roundtable API");
  }

  private int auditCount(String tenant, String action) {
    return auditCount(tenant, action, null);
  }

  private int auditCount(String tenant, String action, String resource) {
    ApiClient admin = tenant.equals("kirklees") ? kirkleesAdmin : solihullAdmin;
    String query =
        "/api/v1/"
            + tenant
            + "/audit?limit=1000"
            + (resource == null ? "" : "&resource=" + resource);
    JsonArray entries = (JsonArray) admin.get(query).structure();
    return (int)
        entries.stream()
            .map(JsonValue::asJsonObject)
            .filter(e -> e.getString("action").equals(action))
            .count();
  }

  private static String person(String name) {
    return "{\"fullName\":\"" + name + "\",\"accessNeeds\":[\"STEP_FREE\",\"HEARING_LOOP\"]}";
  }

  private static void assertProblem(ApiClient.Result result, int status, String type) {
    assertThat(result.status()).as(result.body()).isEqualTo(status);
    assertThat(result.contentType()).startsWith(PROBLEM);
    JsonObject problem = result.json();
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("type")).isEqualTo("urn:roundtable:problem:" + type);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(result.body()).doesNotContain("Exception").doesNotContain("at org.");
  }
}
