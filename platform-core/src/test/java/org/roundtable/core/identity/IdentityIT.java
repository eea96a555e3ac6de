package org.roundtable.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.core.testing.FailingTestResource;
import org.roundtable.core.testing.NewCouncils;
import org.roundtable.core.testing.RouteListTestResource;
import org.roundtable.steps.crypto.FieldEncryption;
import org.roundtable.steps.keycloak.KeycloakHttp;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.Browser;
import org.roundtable.testkit.Eventually;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.testkit.TestRealms;
import org.roundtable.testkit.TestServers;

/**
 * The API against a real Keycloak: tenants' realms provisioned at start-up, real access tokens
 * accepted on their own tenant only, and every forged or misplaced token refused with 401.
 */
@PlatformTest(deploy = {FailingTestResource.class, RouteListTestResource.class})
class IdentityIT {

  private static final String MEMBERS = "/api/v1/kirklees/members";
  private static TestRealms.ForgeryKey forgeryKey;

  private final URL deployment = TestServers.applicationUrl();

  private final String keycloak = System.getProperty("roundtable.test.keycloak.url");
  private final TestRealms realms = new TestRealms(keycloak);
  private ApiClient api;

  @BeforeEach
  void realmsWithTestUsers() throws Exception {
    api = new ApiClient(deployment);
    realms.ensureTestUsers();
    realms.ensureTestOperator();
    if (forgeryKey == null) {
      forgeryKey = realms.addForgeryKey("kirklees");
    }
  }

  @Test
  void aRealAccessTokenOpensItsOwnTenant() throws Exception {
    ApiClient officer = api.withBearer(realms.login("kirklees", "kirklees-officer"));

    ApiClient.Result list = officer.get(MEMBERS);
    ApiClient.Result created =
        officer.post(MEMBERS, "{\"fullName\":\"Signed-in Officer's Member\"}");

    assertThat(list.status()).isEqualTo(200);
    assertThat(created.status()).isEqualTo(201);
  }

  @Test
  void firstSignInCreatesTheMemberOnceNeverByEmailAndTheyEditTheirOwnProfile() throws Exception {
    ApiClient officer = api.withBearer(realms.login("kirklees", "kirklees-officer"));
    // An officer's record with the person's email address is not theirs until an invitation links
    // it.
    ApiClient.Result byEmail =
        officer.post(
            MEMBERS,
            "{\"fullName\":\"Officer's record\",\"email\":\"kirklees-member@kirklees.example\"}");
    ApiClient member = api.withBearer(realms.login("kirklees", "kirklees-member"));

    ApiClient.Result first = member.get("/api/v1/kirklees/me");
    ApiClient.Result again = member.get("/api/v1/kirklees/me");
    ApiClient.Result edited =
        member.put(
            "/api/v1/kirklees/me",
            "{\"fullName\":\"Kim Member\",\"preferredName\":\"Kim\",\"accessNeeds\":[\"QUIET_ROOM\"]}");
    ApiClient.Result inSolihull =
        api.withBearer(realms.login("solihull", "solihull-member")).get("/api/v1/solihull/me");

    assertThat(first.status()).isEqualTo(200);
    String id = first.json().getString("id");
    assertThat(again.json().getString("id")).isEqualTo(id);
    assertThat(byEmail.status()).isEqualTo(201);
    assertThat(id).isNotEqualTo(byEmail.json().getString("id"));
    assertThat(edited.status()).isEqualTo(200);
    assertThat(member.get("/api/v1/kirklees/me").json().getString("preferredName"))
        .isEqualTo("Kim");
    assertThat(member.get("/api/v1/kirklees/me").json().getJsonArray("accessNeeds").toString())
        .contains("QUIET_ROOM");
    assertThat(inSolihull.status()).isEqualTo(200);
    assertThat(inSolihull.json().getString("id")).isNotEqualTo(id);
    assertUnauthorized(api.get("/api/v1/kirklees/me"));
  }

  @Test
  void aTenantAdministratorDecidesWhichRolesHoldAPermissionInTheirCouncilOnly() throws Exception {
    ApiClient admin = api.withBearer(realms.login("kirklees", "kirklees-tenant-admin"));
    ApiClient officer = api.withBearer(realms.login("kirklees", "kirklees-officer"));
    ApiClient solihullOfficer = api.withBearer(realms.login("solihull", "solihull-officer"));
    String auditRead = "/api/v1/kirklees/permissions/core:audit:read";
    assertThat(officer.get("/api/v1/kirklees/audit").status()).isEqualTo(403);

    try {
      ApiClient.Result granted = admin.put(auditRead, "{\"roles\":[\"tenant-admin\",\"officer\"]}");

      assertThat(granted.status()).isEqualTo(200);
      assertThat(officer.get("/api/v1/kirklees/audit").status()).isEqualTo(200);
      assertThat(solihullOfficer.get("/api/v1/solihull/audit").status()).isEqualTo(403);
      assertThat(admin.get("/api/v1/kirklees/permissions").body())
          .contains("\"name\":\"core:audit:read\"");
      assertThat(admin.get("/api/v1/kirklees/audit?resource=core:audit:read").body())
          .contains("permission.granted");
      assertThat(
              admin
                  .put(
                      "/api/v1/kirklees/permissions/core:tenant:manage",
                      "{\"roles\":[\"officer\"]}")
                  .status())
          .as("administrators cannot lock themselves out")
          .isEqualTo(409);
      assertThat(admin.put("/api/v1/kirklees/permissions/core:no:such", "{\"roles\":[]}").status())
          .isEqualTo(404);
      assertThat(admin.put(auditRead, "{\"roles\":[\"wizard\"]}").status()).isEqualTo(400);
      assertThat(officer.put(auditRead, "{\"roles\":[\"officer\"]}").status()).isEqualTo(403);
    } finally {
      admin.put(auditRead, "{\"roles\":[\"tenant-admin\"]}");
    }
    assertThat(officer.get("/api/v1/kirklees/audit").status()).isEqualTo(403);
  }

  @Test
  void theProvisioningTokenDoesNotGrowAsCouncilsAreCreated() throws Exception {
    ApiClient operator = api.withBearer(realms.login(TestRealms.OPERATORS, "operator"));
    int before = provisioningToken().length();

    for (int i = 0; i < 3; i++) {
      String slug = "grow-" + UUID.randomUUID().toString().substring(0, 6);
      ApiClient.Result created =
          operator.post("/api/v1/platform/tenants", NewCouncils.request(slug));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    // Keycloak makes the creator of a realm its administrator: had those roles been in the token,
    // each council would have added hundreds of bytes, and Keycloak refused it past ~110.
    assertThat(provisioningToken().length() - before)
        .as("bytes the provisioning token grew by over three new councils")
        .isLessThan(40);
  }

  @Test
  void aCouncilWhoseSignInCannotBeSetUpIsShownPendingAndARetrySetsItUp() throws Exception {
    ApiClient operator = api.withBearer(realms.login(TestRealms.OPERATORS, "operator"));
    String slug = "pendle-" + UUID.randomUUID().toString().substring(0, 6);
    // A realm of that name that Roundtable did not make: the provisioning account may not touch it.
    KeycloakHttp.post(
        keycloak + "/admin/realms",
        realms.adminToken(),
        "{\"realm\":\"" + slug + "\",\"enabled\":true}");

    ApiClient.Result created = operator.post("/api/v1/platform/tenants", NewCouncils.request(slug));

    assertThat(created.status()).as(created.body()).isEqualTo(202);
    JsonObject signIn = created.json().getJsonObject("signIn");
    assertThat(signIn.getString("state")).isEqualTo("PENDING");
    assertThat(signIn.getString("problem")).contains("Roundtable did not make it");
    assertThat(api.get("/api/v1/" + slug).status()).as("nothing reaches it").isEqualTo(404);
    assertThat(api.get("/" + slug + "/").status()).isEqualTo(404);
    assertThat(operator.get("/api/v1/platform/tenants").body())
        .contains("\"slug\":\"" + slug + "\"")
        .contains("Roundtable did not make it");
    ApiClient.Result stillBlocked =
        operator.post("/api/v1/platform/tenants/" + slug + "/sign-in", "");
    assertThat(stillBlocked.status()).as(stillBlocked.body()).isEqualTo(503);
    assertThat(stillBlocked.json().getString("detail")).contains("Roundtable did not make it");

    KeycloakHttp.delete(
        keycloak + "/admin/realms/" + KeycloakHttp.segment(slug), realms.adminToken());
    ApiClient.Result retried = operator.post("/api/v1/platform/tenants/" + slug + "/sign-in", "");

    assertThat(retried.status()).as(retried.body()).isEqualTo(200);
    assertThat(retried.json().getJsonObject("signIn").getString("state")).isEqualTo("READY");
    assertThat(api.get("/api/v1/" + slug).status()).isEqualTo(200);
    assertThat(invitationEmailTo("first.admin@" + slug + ".example"))
        .as("the first administrator is invited once the realm is there")
        .contains(keycloak + "/realms/" + slug + "/login-actions/action-token?key=");
  }

  private String provisioningToken() throws java.io.IOException {
    return TestServers.keycloak().provisioningToken();
  }

  @Test
  void anOperatorCreatesATenantWhoseFirstAdministratorSignsInAndSuspendsIt() throws Exception {
    ApiClient operator = api.withBearer(realms.login(TestRealms.OPERATORS, "operator"));
    String slug = "testshire-" + UUID.randomUUID().toString().substring(0, 6);
    String email = "first.admin@" + slug + ".example";

    ApiClient.Result created =
        operator.post(
            "/api/v1/platform/tenants",
            "{\"slug\":\""
                + slug
                + "\",\"displayName\":\"Testshire Council\","
                + "\"adminEmail\":\""
                + email
                + "\",\"adminFirstName\":\"Pat\","
                + "\"adminLastName\":\"Admin\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(api.get("/api/v1/" + slug).json().getString("displayName"))
        .isEqualTo("Testshire Council");
    String invitation = invitationEmailTo(email);
    assertThat(invitation)
        .as("the set-password link of the tenant's own realm")
        .contains(keycloak + "/realms/" + slug + "/login-actions/action-token?key=");

    try (Browser browser = Browser.start()) {
      acceptInvitation(browser, invitation);
      browser.signIn(slug, email, TestRealms.PASSWORD);
      assertThat(browser.textOf("#signed-in-name")).isEqualTo("Pat Admin");
      assertThat(browser.textOf("#roles")).contains("Council administrator");
    }
    realms.ensurePasswordClient(slug);
    ApiClient firstAdmin = api.withBearer(realms.login(slug, email));
    assertThat(firstAdmin.get("/api/v1/" + slug + "/settings").status()).isEqualTo(200);
    // The council's only administrator cannot lose the role, not even by their own hand.
    String adminId = firstAdmin.get("/api/v1/" + slug + "/me").json().getString("id");
    ApiClient.Result last =
        firstAdmin.put(
            "/api/v1/" + slug + "/members/" + adminId + "/roles", "{\"roles\":[\"member\"]}");
    assertThat(last.status()).as(last.body()).isEqualTo(409);
    assertThat(last.json().getString("detail")).contains("last administrator");
    assertThat(firstAdmin.get("/api/v1/kirklees/members").status()).isEqualTo(401);

    String status = "/api/v1/platform/tenants/" + slug + "/status";
    assertThat(operator.put(status, "{\"status\":\"SUSPENDED\"}").status()).isEqualTo(200);
    assertThat(firstAdmin.get("/api/v1/" + slug + "/settings").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/" + slug).status()).isEqualTo(404);
    assertThat(operator.put(status, "{\"status\":\"ACTIVE\"}").status()).isEqualTo(200);
    assertThat(firstAdmin.get("/api/v1/" + slug + "/settings").status()).isEqualTo(200);

    assertThat(
            operator
                .post("/api/v1/platform/tenants", created.body().replace("Testshire", "X"))
                .status())
        .as("the same address twice")
        .isIn(400, 409);
    assertThat(
            operator
                .post(
                    "/api/v1/platform/tenants",
                    "{\"slug\":\"admin\",\"displayName\":\"X\",\"adminEmail\":\"a@b.example\","
                        + "\"adminFirstName\":\"A\",\"adminLastName\":\"B\"}")
                .status())
        .isEqualTo(400);
    ApiClient kirkleesAdmin = api.withBearer(realms.login("kirklees", "kirklees-tenant-admin"));
    assertThat(kirkleesAdmin.get("/api/v1/platform/tenants").status()).isEqualTo(401);
    assertThat(api.get("/api/v1/platform/tenants").status()).isEqualTo(401);
    assertThat(operator.get("/api/v1/platform/tenants").body()).contains(slug).contains("kirklees");
    assertThat(operator.get("/api/v1/platform/members").status())
        .as("no council lives at /platform")
        .isEqualTo(404);
    assertThat(operator.get("/api/v1/platform/me").status()).isEqualTo(404);
  }

  @Test
  void anAdministratorGivesAndTakesRolesThroughKeycloakAndItIsAudited() throws Exception {
    ApiClient admin = api.withBearer(realms.login("kirklees", "kirklees-tenant-admin"));
    String email = "roles." + UUID.randomUUID().toString().substring(0, 8) + "@kirklees.example";
    String id =
        admin
            .post(
                "/api/v1/kirklees/members",
                "{\"fullName\":\"Rowan Roles\",\"email\":\"" + email + "\"}")
            .json()
            .getString("id");
    String roles = "/api/v1/kirklees/members/" + id + "/roles";
    assertThat(admin.put(roles, "{\"roles\":[\"officer\"]}").status())
        .as("no sign-in yet: invite them with their roles")
        .isEqualTo(409);

    ApiClient.Result invited =
        admin.post(
            "/api/v1/kirklees/members/" + id + "/invitation",
            "{\"roles\":[\"officer\",\"member\"]}");
    assertThat(invited.status()).as(invited.body()).isEqualTo(202);
    assertThat(held(admin.get(roles))).containsExactlyInAnyOrder("officer", "member");

    ApiClient.Result changed = admin.put(roles, "{\"roles\":[\"member\",\"finance\"]}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(held(changed)).containsExactlyInAnyOrder("member", "finance");
    assertThat(held(admin.get(roles))).containsExactlyInAnyOrder("member", "finance");
    assertThat(admin.get("/api/v1/kirklees/audit?resource=" + id).body())
        .contains("member.roles-changed")
        .contains("+finance -officer");

    assertThat(admin.put(roles, "{\"roles\":[\"emperor\"]}").status()).isEqualTo(400);
    ApiClient officer = api.withBearer(realms.login("kirklees", "kirklees-officer"));
    assertThat(officer.put(roles, "{\"roles\":[\"tenant-admin\"]}").status())
        .as("only those holding the roles permission give roles")
        .isEqualTo(403);
  }

  @Test
  void aRealmMadeFromAnOlderTemplateIsBroughtUpToDate() throws Exception {
    String slug = "legacy-" + UUID.randomUUID().toString().substring(0, 6);
    // A realm as an older release made it: another sign-in address, no finance role, no
    // administration client.
    String older =
        new String(
                IdentityIT.class
                    .getResourceAsStream("/identity/realm-template.json")
                    .readAllBytes(),
                StandardCharsets.UTF_8)
            .replace("${realm}", slug)
            .replace("${tenant}", slug)
            .replace("${displayName}", "Legacy")
            .replace("${appUrl}", "https://old.example")
            .replace("${webClientSecret}", "old-secret")
            .replace("${smtpPort}", "25")
            .replaceAll("\\$\\{[a-zA-Z]+\\}", "");
    JsonObject realm = Json.createReader(new StringReader(older)).readObject();
    JsonArrayBuilder roles = Json.createArrayBuilder();
    realm.getJsonObject("roles").getJsonArray("realm").getValuesAs(JsonObject.class).stream()
        .filter(r -> !r.getString("name").equals("finance"))
        .forEach(roles::add);
    JsonObject legacy =
        Json.createObjectBuilder(realm)
            .add("roles", Json.createObjectBuilder().add("realm", roles))
            .add("smtpServer", Json.createObjectBuilder())
            .build();
    // Made by the provisioning account, as the platform made it then.
    String provisioner = provisioningToken();
    KeycloakHttp.post(keycloak + "/admin/realms", provisioner, legacy.toString());
    String master = TestServers.keycloak().adminToken();

    ApiClient operator = api.withBearer(realms.login(TestRealms.OPERATORS, "operator"));
    ApiClient.Result created =
        operator.post(
            "/api/v1/platform/tenants",
            "{\"slug\":\""
                + slug
                + "\",\"displayName\":\"Legacy Council\",\"adminEmail\":\"admin@"
                + slug
                + ".example\",\"adminFirstName\":\"Lee\",\"adminLastName\":\"Gacy\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    String base = keycloak + "/admin/realms/" + slug;
    JsonObject web =
        KeycloakHttp.getJson(base + "/clients?clientId=web-app", master)
            .asJsonArray()
            .getJsonObject(0);
    assertThat(web.getJsonArray("redirectUris").getString(0))
        .isEqualTo(TestServers.publicUrl() + "/" + slug + "/callback");
    assertThat(web.getJsonObject("attributes").getString("pkce.code.challenge.method"))
        .isEqualTo("S256");
    assertThat(KeycloakHttp.status(base + "/roles/finance", master)).isEqualTo(200);
    assertThat(
            KeycloakHttp.getJson(base + "/clients?clientId=roundtable-admin", master).asJsonArray())
        .hasSize(1);
    assertThat(KeycloakHttp.getJson(base, master).asJsonObject().getString("displayName"))
        .isEqualTo("Legacy Council");
  }

  private static java.util.List<String> held(ApiClient.Result roles) {
    return roles.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
        .filter(r -> r.getBoolean("held"))
        .map(r -> r.getString("id"))
        .toList();
  }

  private static FieldEncryption.Place secretOf(String tenant) {
    return new FieldEncryption.Place(tenant, "tenant_client_secret", "web-app");
  }

  @Test
  void eachTenantsWebClientSecretIsKeptEncryptedWithItsKeyId() throws Exception {
    String sealed =
        TestServers.ownerQuery(
            "SELECT secret FROM tenant_client_secret"
                + " WHERE tenant_id = 'kirklees' AND client_id = 'web-app'");
    String token = realms.adminToken();
    String clients = keycloak + "/admin/realms/kirklees/clients";
    String id = KeycloakHttp.firstId(clients + "?clientId=web-app", token);
    String inKeycloak =
        KeycloakHttp.getJson(clients + "/" + id + "/client-secret", token)
            .asJsonObject()
            .getString("value");
    FieldEncryption testKey = TestServers.dataKey();

    assertThat(sealed).startsWith("v2:test:").doesNotContain(inKeycloak);
    assertThat(testKey.open(sealed, secretOf("kirklees"))).isEqualTo(inKeycloak);
    assertThatThrownBy(() -> testKey.open(sealed, secretOf("solihull")))
        .as("copied to another council's row, it does not open")
        .hasMessageContaining("cannot be opened here");
  }

  @Test
  void aSecretSealedBeforeValuesWereBoundOpensAndTheApplicationResealsIt() throws Exception {
    FieldEncryption testKey = TestServers.dataKey();
    String secret = testKey.open(kirkleesSealedSecret(), secretOf("kirklees"));
    TestServers.ownerSql(
        "UPDATE tenant_client_secret SET secret = '"
            + testKey.sealUnbound(secret)
            + "' WHERE tenant_id = 'kirklees' AND client_id = 'web-app'");
    try (Browser browser = Browser.start()) {
      browser.signIn("kirklees", "kirklees-member", TestRealms.PASSWORD);
      assertThat(browser.textOf("#signed-in-name")).as("a v1 value still opens").isNotBlank();
    }
    assertThat(
            api.withBearer(realms.login("kirklees", "kirklees-tenant-admin"))
                .post("/api/v1/platform/resealing", "")
                .status())
        .as("operators only")
        .isEqualTo(401);

    ApiClient.Result again =
        api.withBearer(realms.login(TestRealms.OPERATORS, "operator"))
            .post("/api/v1/platform/resealing", "");

    assertThat(again.status()).as(again.body()).isEqualTo(202);
    String resealed = kirkleesSealedSecret();
    for (int i = 0; i < 100 && !resealed.startsWith("v2:"); i++) {
      Thread.sleep(100);
      resealed = kirkleesSealedSecret();
    }
    assertThat(resealed).startsWith("v2:test:");
    assertThat(testKey.open(resealed, secretOf("kirklees"))).isEqualTo(secret);
  }

  private static String kirkleesSealedSecret() throws Exception {
    return TestServers.ownerQuery(
        "SELECT secret FROM tenant_client_secret"
            + " WHERE tenant_id = 'kirklees' AND client_id = 'web-app'");
  }

  @Test
  void anOperatorRotatesATenantsWebClientSecretAndSignInKeepsWorking() throws Exception {
    String rotate = "/api/v1/platform/tenants/solihull/web-client-secret";
    String before = solihullSealedSecret();
    assertThat(
            api.withBearer(realms.login("solihull", "solihull-tenant-admin"))
                .post(rotate, "")
                .status())
        .isEqualTo(401);

    ApiClient.Result rotated =
        api.withBearer(realms.login(TestRealms.OPERATORS, "operator")).post(rotate, "");

    assertThat(rotated.status()).as(rotated.body()).isEqualTo(204);
    String after = solihullSealedSecret();
    FieldEncryption testKey = TestServers.dataKey();
    assertThat(testKey.open(after, secretOf("solihull")))
        .isNotEqualTo(testKey.open(before, secretOf("solihull")));
    String token = realms.adminToken();
    String clients = keycloak + "/admin/realms/solihull/clients";
    String id = KeycloakHttp.firstId(clients + "?clientId=web-app", token);
    assertThat(
            KeycloakHttp.getJson(clients + "/" + id + "/client-secret", token)
                .asJsonObject()
                .getString("value"))
        .isEqualTo(testKey.open(after, secretOf("solihull")));
    try (Browser browser = Browser.start()) {
      browser.signIn("solihull", "solihull-member", TestRealms.PASSWORD);
      assertThat(browser.textOf("#signed-in-name")).isEqualTo("Member of solihull");
    }
  }

  private static String solihullSealedSecret() throws Exception {
    return TestServers.ownerQuery(
        "SELECT secret FROM tenant_client_secret"
            + " WHERE tenant_id = 'solihull' AND client_id = 'web-app'");
  }

  @Test
  void anOfficersInvitationLinksThePersonsSignInToTheRecordTheOfficerMade() throws Exception {
    ApiClient officer = api.withBearer(realms.login("kirklees", "kirklees-officer"));
    String email = "ivy." + UUID.randomUUID().toString().substring(0, 8) + "@kirklees.example";
    String id =
        officer
            .post(MEMBERS, "{\"fullName\":\"Ivy Invited\",\"email\":\"" + email + "\"}")
            .json()
            .getString("id");

    ApiClient.Result invited = officer.post(MEMBERS + "/" + id + "/invitation", "");

    assertThat(invited.status()).as(invited.body()).isEqualTo(202);
    String invitation = invitationEmailTo(email);
    assertThat(invitation).contains(keycloak + "/realms/kirklees/login-actions/action-token?key=");
    assertThat(emailTo(email, "has invited you to Roundtable"))
        .as("the council's own letter, sent by the platform")
        .contains("Officer of kirklees at Kirklees Council has invited you")
        .contains(app() + "/kirklees/")
        .contains("large print");
    try (Browser browser = Browser.start()) {
      acceptInvitation(browser, invitation);
      browser.signIn("kirklees", email, TestRealms.PASSWORD);
      assertThat(browser.textOf("#signed-in-name")).isEqualTo("Ivy Invited");
    }
    ApiClient ivy = api.withBearer(realms.login("kirklees", email));
    assertThat(ivy.get("/api/v1/kirklees/me").json().getString("id"))
        .as("linked through the invitation to the officer's record")
        .isEqualTo(id);
    assertThat(officer.post(MEMBERS + "/" + id + "/invitation", "").status()).isEqualTo(409);
    String withoutEmail =
        officer.post(MEMBERS, "{\"fullName\":\"No Email\"}").json().getString("id");
    assertThat(officer.post(MEMBERS + "/" + withoutEmail + "/invitation", "").status())
        .isEqualTo(409);
    assertThat(
            api.withBearer(realms.login("kirklees", "kirklees-member"))
                .post(MEMBERS + "/" + id + "/invitation", "")
                .status())
        .isEqualTo(403);
  }

  @Test
  void anOfficerActsForAMemberWithoutASignInAndTheAuditSaysSo() throws Exception {
    ApiClient officer = api.withBearer(realms.login("kirklees", "kirklees-officer"));
    String arthur =
        officer.post(MEMBERS, "{\"fullName\":\"Arthur Assisted\"}").json().getString("id");
    ApiClient forArthur = officer.withHeader("Roundtable-Acting-For", arthur);

    assertThat(forArthur.get("/api/v1/kirklees/me").json().getString("fullName"))
        .isEqualTo("Arthur Assisted");
    ApiClient.Result changed =
        forArthur.put(
            "/api/v1/kirklees/me", "{\"fullName\":\"Arthur Assisted\",\"phone\":\"01484 000000\"}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().getString("id")).isEqualTo(arthur);
    var entry =
        api.withBearer(realms.login("kirklees", "kirklees-tenant-admin"))
            .get("/api/v1/kirklees/audit?resource=" + arthur)
            .structure()
            .asJsonArray()
            .getJsonObject(0);
    assertThat(entry.getString("onBehalfOf")).isEqualTo(arthur);
    assertThat(entry.getString("actor")).startsWith("kirklees:");
    // Acting for Arthur, the officer may do only what Arthur may: their own administration waits.
    ApiClient.Result administration =
        forArthur.post(MEMBERS, "{\"fullName\":\"Not While Acting\"}");
    assertThat(administration.status()).as(administration.body()).isEqualTo(403);
    assertThat(administration.json().getString("detail")).contains("stop acting for them first");
    assertThat(officer.post(MEMBERS, "{\"fullName\":\"Once Stopped\"}").status()).isEqualTo(201);

    ApiClient member = api.withBearer(realms.login("kirklees", "kirklees-member"));
    assertThat(
            member.withHeader("Roundtable-Acting-For", arthur).get("/api/v1/kirklees/me").status())
        .as("a member may not act for others")
        .isEqualTo(403);
    assertThat(
            officer
                .withHeader("Roundtable-Acting-For", "not-an-id")
                .get("/api/v1/kirklees/me")
                .status())
        .isEqualTo(400);
    String solihullMember =
        api.withBearer(realms.login("solihull", "solihull-officer"))
            .post("/api/v1/solihull/members", "{\"fullName\":\"Sol Member\"}")
            .json()
            .getString("id");
    assertThat(
            officer
                .withHeader("Roundtable-Acting-For", solihullMember)
                .get("/api/v1/kirklees/me")
                .status())
        .as("another council's member does not exist here")
        .isEqualTo(404);
    String signsIn = member.get("/api/v1/kirklees/me").json().getString("id");
    assertThat(
            officer
                .withHeader("Roundtable-Acting-For", signsIn)
                .get("/api/v1/kirklees/me")
                .status())
        .as("someone who signs in acts for themselves")
        .isEqualTo(409);
  }

  @Test
  void rolesComeFromTheRealm() throws Exception {
    ApiClient member = api.withBearer(realms.login("kirklees", "kirklees-member"));
    ApiClient admin = api.withBearer(realms.login("kirklees", "kirklees-tenant-admin"));

    assertThat(member.get(MEMBERS).status()).isEqualTo(403);
    assertThat(member.get("/api/v1/kirklees/settings").status()).isEqualTo(403);
    assertThat(admin.get("/api/v1/kirklees/settings").status()).isEqualTo(200);
    assertThat(admin.get("/api/v1/kirklees/audit").status()).isEqualTo(200);
  }

  @Test
  void aTenantAdministratorOfKirkleesCannotTouchSolihull() throws Exception {
    ApiClient kirkleesAdmin = api.withBearer(realms.login("kirklees", "kirklees-tenant-admin"));

    assertUnauthorized(kirkleesAdmin.get("/api/v1/solihull/members"));
    assertUnauthorized(
        kirkleesAdmin.put("/api/v1/solihull/settings", "{\"displayName\":\"Taken\"}"));
  }

  @Test
  void theForgerySetUpIsValidSoEveryRefusalBelowIsMeaningful() throws Exception {
    assertThat(api.withBearer(forge(c -> {})).get(MEMBERS).status()).isEqualTo(200);
  }

  @Test
  void forgedAndMisplacedTokensAreRefusedWith401() throws Exception {
    Instant now = Instant.now();
    Map<String, String> matrix =
        Map.ofEntries(
            Map.entry("alg=none", unsigned()),
            Map.entry("HS256 signed with the realm's public key", hmacWithRealmPublicKey()),
            Map.entry("unknown kid", signedBy(freshKey(), "no-such-kid", claims(c -> {}))),
            Map.entry(
                "another key under the realm's kid",
                signedBy(freshKey(), realmKid(), claims(c -> {}))),
            Map.entry("expired", forge(c -> c.expirationTime(Date.from(now.minusSeconds(300))))),
            Map.entry(
                "not yet valid", forge(c -> c.notBeforeTime(Date.from(now.plusSeconds(300))))),
            Map.entry("wrong issuer", forge(c -> c.issuer(keycloak + "/realms/solihull"))),
            Map.entry("wrong audience", forge(c -> c.audience("account"))),
            Map.entry("an ID token", forge(c -> c.claim("typ", "ID").audience("web-app"))),
            Map.entry(
                "the other tenant's realm", realms.login("solihull", "solihull-tenant-admin")),
            Map.entry("Keycloak's master realm", realms.adminToken()),
            Map.entry("an operator's token", realms.login(TestRealms.OPERATORS, "operator")),
            Map.entry("tampered payload", tampered(realms.login("kirklees", "kirklees-member"))),
            Map.entry("not a JWT", "not-a-token"));

    for (Map.Entry<String, String> forged : matrix.entrySet()) {
      ApiClient.Result result = api.withBearer(forged.getValue()).get(MEMBERS);
      assertThat(result.status()).as(forged.getKey()).isEqualTo(401);
      assertThat(result.header("WWW-Authenticate")).as(forged.getKey()).startsWith("Bearer");
      assertThat(result.body()).as(forged.getKey()).doesNotContain("fullName");
    }
  }

  @Test
  void aSuspendedTenantAnswers404ToEveryToken() throws Exception {
    String token = realms.login("kirklees", "kirklees-tenant-admin");
    // Changed by SQL, not through the platform: each pod sees it within a second (ADR 0025).
    TestServers.ownerSql("UPDATE platform_tenant SET status = 'SUSPENDED' WHERE id = 'kirklees'");
    try {
      assertThat(Eventually.withinASecond(() -> api.withBearer(token).get(MEMBERS).status() == 404))
          .isTrue();
      assertThat(api.withBearer(forge(c -> {})).get("/api/v1/kirklees/audit").status())
          .isEqualTo(404);
    } finally {
      TestServers.ownerSql("UPDATE platform_tenant SET status = 'ACTIVE' WHERE id = 'kirklees'");
    }
    assertThat(Eventually.withinASecond(() -> api.withBearer(token).get(MEMBERS).status() == 200))
        .isTrue();
  }

  /**
   * What the invited person does in their browser: follows the emailed link to Keycloak and chooses
   * a password.
   */
  private void acceptInvitation(Browser browser, String email) {
    Matcher link =
        Pattern.compile("(http://\\S+/login-actions/action-token\\?key=[^\\s\"<>]+)")
            .matcher(email);
    assertThat(link.find()).as("a link in: " + email).isTrue();
    browser
        .open(link.group(1).replace("&amp;", "&"))
        .waitUntil("the invitation page", b -> b.has("#password-new") || b.hasLink("proceed"));
    if (browser.hasLink("proceed")) {
      browser.clickLink("proceed").waitUntil("the password form", b -> b.has("#password-new"));
    }
    browser
        .type("#password-new", TestRealms.PASSWORD)
        .type("#password-confirm", TestRealms.PASSWORD)
        .click("[type=submit]")
        .waitForText("Your account has been updated");
  }

  private static String app() {
    return TestServers.publicUrl();
  }

  /** The body of the email Keycloak sent to this address (its set-password link), within 30 s. */
  private static String invitationEmailTo(String address) throws Exception {
    return emailTo(address, "action-token");
  }

  /** The body of the first email to this address containing {@code text}, within 30 s. */
  private static String emailTo(String address, String text) throws Exception {
    for (int i = 0; i < 60; i++) {
      for (MimeMessage message : TestServers.mail().getReceivedMessages()) {
        String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
        for (var recipient : message.getAllRecipients()) {
          if (recipient.toString().contains(address) && body.contains(text)) {
            return body;
          }
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("No email containing '" + text + "' reached " + address);
  }

  /**
   * A token signed with the realm's published test key, changed from a valid one by {@code change}.
   */
  private String forge(Consumer<JWTClaimsSet.Builder> change) throws Exception {
    return signedBy(forgeryKey.pair().getPrivate(), forgeryKey.kid(), claims(change));
  }

  private JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(keycloak + "/realms/kirklees")
            .subject(UUID.randomUUID().toString())
            .audience(List.of("platform-api", "account"))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("typ", "Bearer")
            .claim("preferred_username", "forged-officer")
            .claim("realm_access", Map.of("roles", List.of("officer", "tenant-admin")));
    change.accept(claims);
    return claims.build();
  }

  private static String signedBy(PrivateKey key, String kid, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private String unsigned() {
    return new PlainJWT(claims(c -> {})).serialize();
  }

  private String hmacWithRealmPublicKey() throws Exception {
    RSAKey published = (RSAKey) realmKeys().getKeyByKeyId(realmKid());
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(JOSEObjectType.JWT)
                .keyID(realmKid())
                .build(),
            claims(c -> {}));
    jwt.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
    return jwt.serialize();
  }

  private static String tampered(String token) {
    String[] parts = token.split("\\.");
    String payload =
        new String(
                java.util.Base64.getUrlDecoder().decode(parts[1]),
                java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"member\"", "\"tenant-admin\"");
    return parts[0]
        + "."
        + java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }

  private JWKSet realmKeys() throws Exception {
    return JWKSet.load(
        URI.create(keycloak + "/realms/kirklees/protocol/openid-connect/certs").toURL());
  }

  /** The kid Keycloak really signs with (not the test's passive key). */
  private String realmKid() throws Exception {
    return realmKeys().getKeys().stream()
        .filter(k -> k instanceof RSAKey && !forgeryKey.kid().equals(k.getKeyID()))
        .filter(k -> k.getKeyUse() == null || "sig".equals(k.getKeyUse().identifier()))
        .findFirst()
        .orElseThrow()
        .getKeyID();
  }

  private static PrivateKey freshKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair().getPrivate();
  }

  @Test
  void aUserWhoseRolesCannotBeGivenIsNotLeftInTheRealm() throws Exception {
    String email = "no-role-" + System.nanoTime() + "@kirklees.example";
    String token = realms.adminToken();
    JsonObject user =
        Json.createObjectBuilder()
            .add("username", email)
            .add("email", email)
            .add("enabled", true)
            .build();

    assertThatThrownBy(
            () ->
                KeycloakHttp.createUser(keycloak, token, "kirklees", user, List.of("no-such-role")))
        .isInstanceOf(KeycloakHttp.Refused.class);
    // Left behind, it would refuse the next invitation of this address.
    assertThat(
            KeycloakHttp.findId(
                keycloak
                    + "/admin/realms/kirklees/users?exact=true&username="
                    + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8),
                token))
        .isEmpty();
  }

  private static void assertUnauthorized(ApiClient.Result result) {
    assertThat(result.status()).isEqualTo(401);
  }
}
