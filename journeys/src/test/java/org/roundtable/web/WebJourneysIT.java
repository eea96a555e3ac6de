package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.roundtable.api.time.UkTime;
import org.roundtable.core.testing.FailingTestResource;
import org.roundtable.core.testing.RouteListTestResource;
import org.roundtable.steps.keycloak.KeycloakHttp;
import org.roundtable.testing.boards.BoardsDriver;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.Browser;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.testkit.TestRealms;
import org.roundtable.testkit.TestServers;

/**
 * The pages as people use them, end to end in one real headless Chromium: through Keycloak's own
 * login page, with both plugins assembled into the platform (real PostgreSQL, Keycloak, SMTP).
 * Every page a journey visits is checked by the real axe-core engine (WCAG 2.2 A and AA) and saved
 * as a screenshot under {@code target/screenshots/}.
 */
@PlatformTest(deploy = {FailingTestResource.class, RouteListTestResource.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebJourneysIT {
  private static final String EXPERT = "solihull-expert";

  /** The smallest PNG there is: one transparent pixel. */
  private static final byte[] PNG =
      java.util.Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  private static Browser browser;

  private final URL deployment = TestServers.applicationUrl();

  private final TestRealms realms =
      new TestRealms(System.getProperty("roundtable.test.keycloak.url"));
  private final String app = TestServers.publicUrl();
  private ApiClient officer;
  private BoardsDriver boards;
  private String expertId;

  @BeforeAll
  static void oneBrowser() throws Exception {
    browser = Browser.start();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void people() throws Exception {
    realms.ensureTestUsers();
    // An expert by experience of Solihull's carers partnership board, who signs in.
    TestServers.keycloak().ensureUser("solihull", EXPERT, "member", TestRealms.PASSWORD);
    ApiClient api = new ApiClient(deployment);
    officer = api.withBearer(realms.login("solihull", "solihull-officer"));
    boards = new BoardsDriver(officer, "solihull");
    expertId =
        api.withBearer(realms.login("solihull", EXPERT))
            .get("/api/v1/solihull/me")
            .json()
            .getString("id");
  }

  @Test
  @Order(1)
  void anExpertByExperienceSeesTheNextMeetingAndConfirmsTheirClaim() throws Exception {
    String board = carersBoard();
    signOut("solihull");
    browser.open(app + "/solihull/");
    check("00-welcome");
    browser.click("#sign-in");
    browser.waitForUrl(System.getProperty("roundtable.test.keycloak.url") + "/realms/solihull/");
    check("00-keycloak-login");
    browser.signInOnKeycloak(EXPERT, TestRealms.PASSWORD).waitForUrl(app + "/solihull/");
    check("01-member-home");
    assertThat(browser.text()).contains("Meetings coming up").contains(board);
    assertThat(browser.text()).contains("Claims to confirm");

    browser.clickLink(board + ": Carers Partnership Board");
    browser.waitForText("Add to your calendar");
    check("02-meeting");

    browser.open(app + "/solihull/");
    browser.clickLink(board + " — last meeting");
    browser.waitForText("Confirm this claim");
    check("03-claim");
    assertThat(browser.textOf("#claim-fee")).isEqualTo("£75.00");

    // The bus fare, with a photo of the ticket.
    new org.openqa.selenium.support.ui.Select(
            browser.driver().findElement(org.openqa.selenium.By.id("kind")))
        .selectByVisibleText("Bus, train or taxi fare");
    browser.type("#description", "Bus fare there and back");
    browser.type("#amount", "4.50");
    browser.click("#add-expense");
    browser.waitForText("Expense added");
    java.nio.file.Path ticket = java.nio.file.Files.createTempFile("ticket", ".png");
    java.nio.file.Files.write(ticket, PNG);
    browser
        .driver()
        .findElement(org.openqa.selenium.By.cssSelector("input[type=file][name=receipt]"))
        .sendKeys(ticket.toString());
    browser.click("#upload-receipt");
    browser.waitForText("Receipt added");
    check("03b-claim-with-expense");
    assertThat(browser.text()).contains("Bus fare there and back, £4.50 (receipt added)");
    browser.click("#confirm-claim");
    browser.waitForText("Claim confirmed");
    check("04-claim-confirmed");
    assertThat(browser.textOf("#claim-status")).isEqualTo("Waiting for approval");

    browser.click("#sign-out");
    browser.waitForText("Sign in");
    browser.waitForUrl(app + "/solihull/");
    check("05-signed-out");
    assertThat(browser.has("#signed-in-name")).isFalse();
  }

  @Test
  @Order(2)
  void theSameJourneyWithTheKeyboardAlone() throws Exception {
    String board = carersBoard();
    signOut("solihull");
    browser.tabTo("#sign-in").press(Keys.ENTER);
    browser.waitForUrl(System.getProperty("roundtable.test.keycloak.url"));
    // Keycloak's login form puts the focus in the username field.
    browser.press(EXPERT, Keys.TAB, TestRealms.PASSWORD, Keys.ENTER);
    browser.waitForUrl(app + "/solihull/");
    browser.waitForText("Meetings coming up");
    assertThat(browser.text()).contains(board);
    browser.tabTo("a[href$='" + claimPath(board) + "']").press(Keys.ENTER);
    browser.waitForText("Confirm this claim");
    check("06-keyboard-claim");
    browser.tabTo("#confirm-claim").press(Keys.ENTER);
    browser.waitForText("Claim confirmed");
    assertThat(browser.textOf("#claim-status")).isEqualTo("Waiting for approval");
    browser.tabTo("#sign-out").press(Keys.ENTER);
    browser.waitForText("Sign in");
    assertThat(browser.has("#signed-in-name")).isFalse();
  }

  @Test
  @Order(3)
  void theSameJourneyWithJavaScriptSwitchedOff() throws Exception {
    String board = carersBoard();
    signOut("solihull");
    browser.scripts(false);
    try {
      browser.open(app + "/solihull/");
      browser.click("#sign-in");
      browser.waitForUrl(System.getProperty("roundtable.test.keycloak.url"));
      browser.signInOnKeycloak(EXPERT, TestRealms.PASSWORD);
      browser.waitForUrl(app + "/solihull/");
      browser.waitForText("Meetings coming up");
      assertThat(browser.text()).contains(board);
      browser.clickLink(board + " — last meeting");
      browser.waitForText("Confirm this claim");
      browser.screenshot("07-no-javascript-claim");
      browser.click("#confirm-claim");
      browser.waitForText("Claim confirmed");
      assertThat(browser.textOf("#claim-status")).isEqualTo("Waiting for approval");
      browser.click("#sign-out");
      browser.waitForText("Sign in");
      assertThat(browser.has("#signed-in-name")).isFalse();
    } finally {
      browser.scripts(true);
    }
  }

  @Test
  @Order(4)
  void aChairRecordsAttendanceAndApprovesTheMinutes() throws Exception {
    String name = "Carers Partnership Board " + suffix();
    String board = boards.board(name);
    String other = boards.newMember("Nia Carer " + suffix(), null);
    boards.seat(board, expertId, "member", true);
    boards.seat(board, other, "member", true);
    String meeting =
        boards.meeting(board, day(-1).atTime(LocalTime.of(10, 0)).atZone(UkTime.ZONE).toInstant());

    signIn("solihull", "solihull-officer");
    browser.open(app + "/solihull/boards/meetings/" + meeting);
    browser.waitForText("Attendance");
    check("08-chair-meeting");
    browser.click("input[name='attendance-" + expertId + "'][value='PRESENT']");
    browser.click("input[name='attendance-" + other + "'][value='APOLOGIES']");
    browser.click("#save-attendance");
    browser.waitForText("Attendance saved");
    assertThat(browser.text()).contains("Quorum: 1 of the");

    browser.type(
        "#minutes", "Carers said the respite leaflet was hard to read; it will be rewritten.");
    browser.click("#save-minutes");
    browser.waitForText("Draft minutes saved");
    browser.click("#approve-minutes");
    browser.waitForText("Minutes approved");
    check("09-minutes-approved");
    assertThat(browser.textOf("#minutes-status")).isEqualTo("Approved");

    // The papers: the report, and its easy read version beside it.
    java.nio.file.Path report =
        java.nio.file.Files.createTempDirectory("papers").resolve("respite-report.pdf");
    java.nio.file.Files.writeString(report, "%PDF-1.4\n% a test paper\n");
    browser.type("#paperTitle", "Respite report");
    browser.driver().findElement(org.openqa.selenium.By.id("paper")).sendKeys(report.toString());
    browser.click("#add-paper");
    browser.waitForText("Paper added");
    browser.type("#paperTitle", "Respite report (easy read)");
    new org.openqa.selenium.support.ui.Select(
            browser.driver().findElement(org.openqa.selenium.By.id("easyReadOf")))
        .selectByVisibleText("Yes, of Respite report");
    browser.driver().findElement(org.openqa.selenium.By.id("paper")).sendKeys(report.toString());
    browser.click("#add-paper");
    browser.waitForText("Paper added");
    assertThat(browser.textOf("#papers"))
        .contains("Respite report")
        .contains("Easy read version of Respite report");

    // What the chair recorded is what the API says, and the expert's time became a claim.
    var view = officer.get("/api/v1/solihull/boards/meetings/" + meeting).json();
    assertThat(view.getString("minutesStatus")).isEqualTo("APPROVED");
    assertThat(view.getJsonArray("attendance").toString())
        .contains(expertId)
        .contains("PRESENT")
        .contains("APOLOGIES");
  }

  @Test
  @Order(5)
  void financeApprovesAndExportsARunAndMarksItPaid() throws Exception {
    // The officer approves the expert's confirmed claims on the approvals page.
    signIn("solihull", "solihull-officer");
    browser.open(app + "/solihull/payments/approvals");
    browser.waitForText("Claims waiting for approval");
    check("10-approvals");
    var boxes =
        browser.driver().findElements(org.openqa.selenium.By.cssSelector("input[name='claim']"));
    assertThat(boxes)
        .as("the claims confirmed in the journeys above")
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(browser.textOf("#queue-summary"))
        .as("the whole queue offered, as many claims as there are boxes")
        .startsWith(boxes.size() + " claims of ");
    // One approved by its box, then the rest as the whole queue the page summed up.
    boxes.get(0).click();
    browser.click("#approve-claims");
    browser.waitForText("1 claim approved");
    assertThat(browser.textOf("#queue-summary")).startsWith((boxes.size() - 1) + " claim");
    browser.click("#approve-queue");
    browser.waitForText(
        (boxes.size() - 1) + (boxes.size() == 2 ? " claim" : " claims") + " approved");
    assertThat(browser.has("#approve-queue")).as("nothing left to approve").isFalse();

    signIn("solihull", "solihull-finance");
    browser.open(app + "/solihull/payments/runs");
    browser.waitForText("Finance runs");
    check("11-runs");
    browser.click("#create-run");
    browser.waitForText("Download the file");
    check("12-run");
    String csvUrl =
        browser
            .driver()
            .findElement(org.openqa.selenium.By.id("download-csv"))
            .getAttribute("href");
    String cookie =
        "roundtable_session=" + browser.cookie("roundtable_session").orElseThrow().getValue();
    HttpResponse<String> csv =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(csvUrl)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("run,line,");
    assertThat(csv.body()).contains("Member of solihull").contains("75.00").contains("4.50");

    browser.click("#mark-paid");
    browser.waitForText("The run is marked as paid");
    assertThat(browser.textOf("#run-summary")).contains("Paid on");
  }

  @Test
  @Order(6)
  void aKirkleesAdministratorSwitchesBoardsOffForKirkleesOnly() throws Exception {
    signIn("solihull", "solihull-officer");
    assertThat(browser.hasLink("Boards")).isTrue();
    signIn("kirklees", "kirklees-tenant-admin");
    assertThat(browser.hasLink("Boards")).isTrue();
    browser.clickLink("Administration");
    browser.waitForText("Plugins");
    check("13-administration");
    browser.clickLink("Plugins");
    browser.waitForText("Installed plugins");
    check("14-plugins");
    try {
      browser.click("#switch-boards");
      browser.waitForText("Partnership boards is switched off");
      assertThat(browser.hasLink("Boards")).as("Kirklees' navigation").isFalse();
      browser.open(app + "/kirklees/boards/");
      browser.waitForText("Page not found");
      check("15-kirklees-boards-gone");

      browser.open(app + "/solihull/");
      browser.waitForText("Meetings coming up");
      assertThat(browser.hasLink("Boards")).as("Solihull keeps its boards").isTrue();
      browser.open(app + "/solihull/boards/");
      browser.waitForText("Boards");
      assertThat(browser.text()).doesNotContain("Page not found");
    } finally {
      browser.open(app + "/kirklees/admin/plugins");
      browser.waitForText("Installed plugins");
      if (browser.text().contains("Switch on Partnership boards")
          || browser.textOf("#plugin-boards").contains("Off")) {
        browser.click("#switch-boards");
        browser.waitForText("Partnership boards is switched on");
      }
    }
    assertThat(browser.hasLink("Boards")).isTrue();
  }

  @Test
  @Order(7)
  void aPluginsSettingsHaveAFormFromTheirDeclarationsAlone() throws Exception {
    signIn("kirklees", "kirklees-tenant-admin");
    browser.open(app + "/kirklees/admin/plugins/boards");
    browser.waitForText("Partnership boards settings");
    check("16-plugin-settings");
    browser.type("#quorumPercent", "many");
    browser.click("#save-settings");
    browser.waitForText("There is a problem");
    check("17-plugin-settings-error");
    assertThat(browser.textOf(".govuk-error-summary")).contains("enter a whole number");
    assertThat(browser.driver().switchTo().activeElement().getAttribute("class"))
        .as("the focus moves to the error summary")
        .contains("govuk-error-summary");
  }

  @Test
  @Order(8)
  void anOfficerActsForSomeoneWithoutASignInAndItIsAuditedOnTheirBehalf() throws Exception {
    String name = "Priya Phone " + suffix();
    String priya = boards.newMember(name, null);
    String board = boards.board("Solihull CPB " + suffix());
    boards.seat(board, priya, "member", true);
    String meeting =
        boards.meeting(board, day(-3).atTime(LocalTime.of(10, 0)).atZone(UkTime.ZONE).toInstant());
    boards.attend(meeting, priya, "PRESENT");
    awaitDraftClaim(meeting);

    signIn("solihull", "solihull-officer");
    browser.clickLink("People");
    browser.waitForText("Everyone taking part");
    check("18-people");
    browser.click("form[action$='/people/" + priya + "/acting-for'] button");
    browser.waitForText("You are acting for");
    assertThat(browser.textOf("#acting-for-name")).isEqualTo(name);
    check("19-acting-for-home");
    browser.open(app + "/solihull/payments/");
    browser.waitForText("Claims of " + name);
    browser.clickLink(" — Meeting — ");
    browser.waitForText("Confirm this claim");
    browser.click("#confirm-claim");
    browser.waitForText("Claim confirmed");
    assertThat(browser.textOf("#acting-for-name")).isEqualTo(name);

    String audited =
        TestServers.ownerQuery(
            "SELECT count(*) FROM audit_entry WHERE tenant_id = 'solihull' AND on_behalf_of = '"
                + priya
                + "' AND actor LIKE 'solihull:%'");
    assertThat(Integer.parseInt(audited)).as("changes recorded on Priya's behalf").isPositive();

    browser.click("form[action$='/people/acting-for/stop'] button");
    browser.waitForText("Everyone taking part");
    assertThat(browser.has("#acting-for-name")).isFalse();

    // Then, as the approver, the officer sends Priya's claim back with a reason.
    String priyasClaim =
        TestServers.ownerQuery(
            "SELECT id FROM payments_claim WHERE tenant_id = 'solihull' AND member_id = '"
                + priya
                + "'");
    browser.open(app + "/solihull/payments/approvals");
    browser.click("a[href$='/approvals/" + priyasClaim + "/rejection']");
    browser.waitForText("Send a claim back");
    browser.click("#send-back");
    browser.waitForText("There is a problem");
    check("19b-send-back-error");
    browser.type("#reason", "Please add the bus ticket as a receipt.");
    browser.click("#send-back");
    browser.waitForText("The claim has been sent back");
    assertThat(
            TestServers.ownerQuery(
                "SELECT status FROM payments_claim WHERE tenant_id = 'solihull' AND id = '"
                    + priyasClaim
                    + "'"))
        .isEqualTo("REJECTED");
  }

  @Test
  @Order(9)
  void formsWithoutTheSessionsTokenAndPagesOutsideSomeonesRoleAreRefusedInStyle() throws Exception {
    signIn("solihull", "solihull-member");
    String session =
        "roundtable_session=" + browser.cookie("roundtable_session").orElseThrow().getValue();
    HttpClient http = HttpClient.newHttpClient();
    for (String token : new String[] {null, "forged"}) {
      HttpResponse<String> posted =
          http.send(
              HttpRequest.newBuilder(URI.create(app + "/solihull/profile"))
                  .header("Cookie", session)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "preferredName=Mallory&consent=no"
                              + (token == null ? "" : "&_csrf=" + token)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).isEqualTo(403);
      assertThat(posted.body()).contains("The form could not be sent").doesNotContain("Exception");
    }
    browser.open(app + "/solihull/profile");
    browser.waitForText("What would you like to be called?");
    check("20-profile");
    assertThat(
            browser
                .driver()
                .findElement(org.openqa.selenium.By.id("preferredName"))
                .getAttribute("value"))
        .isNotEqualTo("Mallory");

    browser.type("#preferredName", "Sam");
    browser.click("label[for='access-1']");
    browser.click("#save-profile");
    browser.waitForText("Your profile has been saved");
    assertThat(browser.driver().findElement(org.openqa.selenium.By.id("access-1")).isSelected())
        .isTrue();

    // Bank details: checked, stored sealed, only ever shown masked.
    browser.open(app + "/solihull/payments/");
    browser.clickLink("How you are paid");
    browser.waitForText("Your bank account");
    browser.type("#accountName", "S Member");
    browser.type("#sortCode", "30-94");
    browser.type("#accountNumber", "00733445");
    browser.click("#save-bank-details");
    browser.waitForText("There is a problem");
    check("20b-payment-details-error");
    assertThat(browser.driver().getPageSource()).doesNotContain("00733445");
    browser.type("#sortCode", "30-94-30");
    browser.type("#accountNumber", "00733445");
    browser.click("#save-bank-details");
    browser.waitForText("Your bank details have been saved");
    assertThat(browser.textOf("#bank-details")).isEqualTo("Sort code ••-••-30, account ••••3445");
    assertThat(browser.driver().getPageSource()).doesNotContain("00733445");

    browser.open(app + "/solihull/admin/plugins");
    browser.waitForText("You cannot see this page");
    check("21-forbidden");
    browser.open(app + "/solihull/no/such/page");
    browser.waitForText("Page not found");
    check("22-not-found");
    browser.open(app + "/nowhere-council/");
    browser.waitForText("Page not found");
    assertThat(browser.text()).doesNotContain("Exception").doesNotContain("org.roundtable");
  }

  @Test
  @Order(10)
  void aKirkleesAdministratorChangesTheCouncilsColourAndReadsTheAuditLog() throws Exception {
    signIn("kirklees", "kirklees-tenant-admin");
    browser.open(app + "/kirklees/admin/branding");
    browser.waitForText("The council’s look");
    browser.type("#colour", "#ffdd00");
    browser.click("#save-colour");
    browser.waitForText("There is a problem");
    assertThat(browser.textOf(".govuk-error-summary")).contains("Choose a darker colour");
    check("23-branding-error");
    browser.type("#colour", "#00703c");
    browser.click("#save-colour");
    browser.waitForText("The council's look has been saved");
    HttpResponse<String> css =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(app + "/kirklees/branding/colours.css")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(css.body()).contains("#00703c");
    HttpResponse<String> solihull =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(app + "/solihull/branding/colours.css")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(solihull.body()).as("Solihull keeps its own look").doesNotContain("#00703c");

    browser.open(app + "/kirklees/admin/audit?action=plugin.");
    browser.waitForText("Audit log");
    check("24-audit");
    assertThat(browser.textOf("#audit-entries"))
        .contains("plugin.disabled")
        .doesNotContain("tenant.branding");
    browser.open(app + "/kirklees/admin/audit?action=tenant.branding");
    assertThat(browser.textOf("#audit-entries")).contains("tenant.branding-changed");
  }

  @Test
  @Order(11)
  void anOperatorSetsUpACouncilAndSuspendsIt() throws Exception {
    realms.ensureTestOperator();
    browser.open(app + "/platform/login");
    browser.waitForUrl(
        System.getProperty("roundtable.test.keycloak.url")
            + "/realms/"
            + TestRealms.OPERATORS
            + "/");
    browser.signInOnKeycloak("operator", TestRealms.PASSWORD);
    browser.waitForText("Every council of this installation");
    check("25-operator-councils");
    assertThat(browser.textOf("#tenants")).contains("Kirklees").contains("Solihull");
    assertThat(browser.textOf("#tenants"))
        .as("the operators are not a council")
        .doesNotContain("/platform/");

    browser.click("#new-tenant");
    browser.waitForText("Set up a council");
    browser.click("#create-tenant");
    browser.waitForText("There is a problem");
    check("26-operator-new-council-errors");
    String slug = "walsall-" + suffix();
    browser.type("#slug", slug);
    browser.type("#displayName", "Walsall Council");
    browser.type("#adminEmail", "admin@" + slug + ".example");
    browser.type("#adminFirstName", "Wendy");
    browser.type("#adminLastName", "Admin");
    browser.click("#create-tenant");
    browser.waitForText("Walsall Council is set up");
    assertThat(browser.textOf("#tenant-" + slug)).contains("Active");

    // A council whose realm name Keycloak already has, in a realm Roundtable did not make: it is
    // registered but shown pending, with the reason, and nothing reaches its pages.
    String keycloak = System.getProperty("roundtable.test.keycloak.url");
    String blocked = "wyre-" + suffix();
    KeycloakHttp.post(
        keycloak + "/admin/realms",
        realms.adminToken(),
        "{\"realm\":\"" + blocked + "\",\"enabled\":true}");
    browser.click("#new-tenant");
    browser.waitForText("Set up a council");
    browser.type("#slug", blocked);
    browser.type("#displayName", "Wyre Council");
    browser.type("#adminEmail", "admin@" + blocked + ".example");
    browser.type("#adminFirstName", "Wyn");
    browser.type("#adminLastName", "Admin");
    browser.click("#create-tenant");
    browser.waitForText("Wyre Council is registered but its sign-in is not set up yet");
    check("26b-operator-council-pending");
    assertThat(browser.textOf("#tenant-" + blocked)).contains("Sign-in not set up");
    assertThat(browser.textOf("#sign-in-problem-" + blocked))
        .contains("Roundtable did not make it");
    browser.open(app + "/" + blocked + "/");
    browser.waitForText("Page not found");
    // The operator removes the stray realm and tries again from the list.
    KeycloakHttp.delete(
        keycloak + "/admin/realms/" + KeycloakHttp.segment(blocked), realms.adminToken());
    browser.open(app + "/platform/tenants");
    browser.click("#retry-" + blocked);
    browser.waitForText("Wyre Council is set up");
    assertThat(browser.textOf("#tenant-" + blocked)).contains("Active");
    browser.open(app + "/" + blocked + "/");
    browser.waitForText("Wyre Council");
    browser.open(app + "/platform/tenants");

    browser.click("#status-" + slug);
    browser.waitForText("Walsall Council is suspended");
    assertThat(browser.textOf("#tenant-" + slug)).contains("Suspended");
    browser.open(app + "/" + slug + "/");
    browser.waitForText("Page not found");

    // Signed out, the operators' pages ask for a sign-in of the operators' own realm: a council's
    // session (its cookie scoped to the council) opens nothing here.
    signOut("platform");
    signIn("solihull", "solihull-officer");
    browser.open(app + "/platform/tenants");
    browser.waitForUrl(
        System.getProperty("roundtable.test.keycloak.url")
            + "/realms/"
            + TestRealms.OPERATORS
            + "/");
    assertThat(browser.text()).doesNotContain("Every council of this installation");
  }

  /** A new Solihull board with the expert on it: a meeting they attended and the next one. */
  private String carersBoard() throws Exception {
    String name = "Solihull CPB " + suffix();
    String board = boards.board(name);
    boards.seat(board, expertId, "member", true);
    String last =
        boards.meeting(
            board,
            day(-2)
                .atTime(LocalTime.of(10, 0))
                .atZone(UkTime.ZONE)
                .toInstant()
                .truncatedTo(ChronoUnit.MINUTES));
    boards.meeting(board, day(1).atTime(LocalTime.of(14, 0)).atZone(UkTime.ZONE).toInstant());
    renameMeetings(board, last);
    boards.attend(last, expertId, "PRESENT");
    awaitDraftClaim(last);
    return name;
  }

  /** The last meeting is called "last meeting" and the next "Carers Partnership Board". */
  private void renameMeetings(String board, String last) throws Exception {
    TestServers.ownerSql(
        "UPDATE boards_meeting SET title = CASE WHEN id = '"
            + last
            + "' THEN 'last meeting' ELSE 'Carers Partnership Board' END WHERE board_id = '"
            + board
            + "'");
  }

  private void awaitDraftClaim(String meeting) throws Exception {
    for (int i = 0; i < 100; i++) {
      String count =
          TestServers.ownerQuery(
              "SELECT count(*) FROM payments_claim WHERE tenant_id = 'solihull'"
                  + " AND status = 'DRAFT' AND activity_reference = 'boards:meeting:"
                  + meeting
                  + "'");
      if (!count.equals("0")) {
        return;
      }
      sleep();
    }
    throw new AssertionError("No draft claim for meeting " + meeting);
  }

  private String claimPath(String boardName) throws Exception {
    String id =
        TestServers.ownerQuery(
            "SELECT c.id FROM payments_claim c WHERE c.tenant_id = 'solihull' AND c.status = 'DRAFT'"
                + " AND c.member_id = '"
                + expertId
                + "' ORDER BY c.created_at DESC LIMIT 1");
    return "/payments/claims/" + id;
  }

  /** Signs in, first signing out whoever the browser has signed in to that council. */
  private void signIn(String tenant, String username) {
    signOut(tenant);
    browser.signIn(tenant, username, TestRealms.PASSWORD);
  }

  /** Signs out of a council if the browser is signed in to it (here and at Keycloak). */
  private void signOut(String tenant) {
    browser.open(app + "/" + tenant + "/");
    if (browser.has("#sign-out")) {
      browser.click("#sign-out");
      browser.waitForText("Sign in");
    }
  }

  /** Screenshot, then the real axe engine: no WCAG 2.2 A or AA violations. */
  private void check(String page) {
    browser.screenshot(page);
    assertThat(browser.accessibilityViolations())
        .as("axe on " + page + " " + browser.url())
        .isEmpty();
  }

  private static LocalDate day(int fromToday) {
    return LocalDate.now(UkTime.ZONE).plusDays(fromToday);
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 6);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
