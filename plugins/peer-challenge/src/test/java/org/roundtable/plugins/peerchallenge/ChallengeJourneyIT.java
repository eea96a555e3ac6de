package org.roundtable.plugins.peerchallenge;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.Browser;
import org.roundtable.testkit.Eventually;
import org.roundtable.testkit.Platform;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.testkit.TestRealms;

/**
 * A challenge in a real browser, with axe on every page, in the West Midlands region (a tenant of
 * its own, with peer challenge and payments on): the region sets it up for Solihull on its pages
 * and schedules a session; Solihull's coordinator (a guest) uploads the position statement; the
 * expert by experience and the director, both on the team, see the same schedule and documents; the
 * host adds an easy-read summary; the expert notes the statement in the reading log, writes a daily
 * debrief; one note is written with JavaScript off and one by keyboard alone; a finding with one
 * kind of source shows as not triangulated, then as triangulated after a second; the expert and the
 * director co-write the feedback; the director, the lead peer, releases the report; the host writes
 * its action plan and records progress; the expert's four days become exactly four claims at the
 * region's day rate.
 */
@PlatformTest
class ChallengeJourneyIT {

  private static final String REGION = "west-midlands";
  private static final String API = "/api/v1/" + REGION + "/peer-challenge/challenges";

  @Test
  void aChallengeThroughThePages(Platform platform, @TempDir Path files) throws Exception {
    String app = platform.publicUrl();
    ApiClient manager = platform.as(REGION, "officer");
    ApiClient expertApi = platform.as(REGION, "member");
    String expertId = expertApi.get("/api/v1/" + REGION + "/me").json().getString("id");
    String directorId =
        platform.as(REGION, "tenant-admin").get("/api/v1/" + REGION + "/me").json().getString("id");
    String challenge;
    String email =
        "coordinator." + UUID.randomUUID().toString().substring(0, 8) + "@solihull.example";
    LocalDate onSite = LocalDate.now().plusDays(30);

    try (Browser region = platform.browserAs(REGION, "officer")) {
      region.open(app + "/" + REGION + "/peer-challenge/");
      accessible(region, "the list");
      region
          .type("#hostCouncil", "Solihull Council")
          .type("#focusQuestion", "How well does Solihull support unpaid carers?")
          .type("#scope", "Adult social care: carers and the front door")
          .type("#onSiteFrom", uk(onSite))
          .type("#onSiteTo", uk(onSite.plusDays(3)))
          .click("#set-up")
          .waitForText("Challenge set up");
      challenge = region.url().replaceAll(".*/challenge/([0-9a-f-]{36}).*", "$1");
      accessible(region, "a new challenge");
      region.type("#lineTitle", "How well are carers supported?").click("#add-line");
      region.waitForText("Line of enquiry added");
      region
          .type("#fullName", "Sam Coordinator")
          .type("#email", email)
          .click("#invite-coordinator");
      region.waitForText("Invitation sent to Sam Coordinator");
      accessible(region, "the challenge, set up");
    }
    for (String[] member :
        List.of(
            new String[] {expertId, "EXPERT_BY_EXPERIENCE"},
            new String[] {directorId, "LEAD_PEER"})) {
      assertThat(
              manager
                  .post(
                      API + "/" + challenge + "/team",
                      "{\"memberId\":\"" + member[0] + "\",\"role\":\"" + member[1] + "\"}")
                  .status())
          .isEqualTo(201);
    }
    String visit = app + "/" + REGION + "/peer-challenge/visit/" + challenge;
    try (Browser region = platform.browserAs(REGION, "officer")) {
      region.open(visit);
      region
          .choose("#kind", "Focus group")
          .type("#title", "Carers' focus group")
          .type("#day", uk(onSite))
          .type("#from", "2pm")
          .type("#to", "3:30pm")
          .type("#place", "Solihull Council House, committee room 2")
          .type("#accessInfo", "Step-free entrance on Homer Road; hearing loop; quiet room")
          .click("#going-" + expertId)
          .click("#going-" + directorId)
          .click("#add-session")
          .waitForText("Session added");
      assertThat(region.textOf("#schedule")).contains("Carers' focus group", "2pm", "hearing loop");
      accessible(region, "the visit, scheduled");
    }

    platform.asInvited(REGION, email);
    Path statement = Files.writeString(files.resolve("position.pdf"), "%PDF-1.4\n% Solihull\n");
    String page = app + "/" + REGION + "/peer-challenge/challenge/" + challenge;
    try (Browser host = Browser.start()) {
      host.signIn(REGION, email, TestRealms.PASSWORD);
      host.open(page);
      accessible(host, "the host's challenge page");
      host.type("#documentTitle", "Position statement")
          .attach("#document", statement)
          .click("#add-document")
          .waitForText("Document added");
      accessible(host, "the library with the position statement");
      Path easyRead = Files.writeString(files.resolve("easy-read.pdf"), "%PDF-1.4\n% In short\n");
      host.type("#documentTitle", "Our position, in short")
          .choose("#easyReadOf", "Yes, of Position statement")
          .attach("#document", easyRead)
          .click("#add-document")
          .waitForText("Document added");
      assertThat(host.textOf("#documents"))
          .contains("Our position, in short", "An easy-read summary of Position statement");
      assertThat(host.textOf("#documents"))
          .as("the team's reading log is the team's")
          .doesNotContain("Read by", "read it yet");
      host.open(visit);
      assertThat(host.textOf("#schedule"))
          .as("the host's coordinators see the schedule they arrange")
          .contains("Carers' focus group");
      host.open(page + "/evidence");
      assertThat(host.text())
          .as("the team's evidence is not the host's")
          .doesNotContain("Save the note");
    }

    String teamView;
    try (Browser director = platform.browserAs(REGION, "tenant-admin")) {
      director.open(page);
      teamView = director.textOf("#team") + director.textOf("#documents");
      director.open(visit);
      teamView += director.textOf("#schedule");
    }
    try (Browser expert = platform.browserAs(REGION, "member")) {
      expert.open(page);
      String expertView = expert.textOf("#team") + expert.textOf("#documents");
      expert.open(visit);
      assertThat(expertView + expert.textOf("#schedule"))
          .as("the expert and the director see the same team, documents and schedule")
          .isEqualTo(teamView)
          .contains("Position statement", "Carers' focus group");
      accessible(expert, "the visit, as the team");
      expert.open(page);
      expert.click("#documents button").waitForText("Noted in the reading log");
      assertThat(expert.textOf("#documents")).contains("Read by");
      assertThat(
              new String(
                  expert.download(expert.hrefOf("#documents a")),
                  java.nio.charset.StandardCharsets.UTF_8))
          .as("the position statement, downloaded from the page")
          .startsWith("%PDF-1.4");
      accessible(expert, "the challenge, as the team");

      expert.scripts(false).open(page + "/evidence");
      expert
          .choose("#lineId", "How well are carers supported?")
          .click("#source-INTERVIEW")
          .click("#judgement-STRENGTH")
          .type("#text", "Carers said assessments take two weeks now.")
          .click("#save-note")
          .waitForText("Note saved");
      expert.scripts(true).open(page + "/evidence");
      accessible(expert, "the evidence page");

      expert.tabTo("#lineId").press("How well are carers supported?");
      // A radio group is one stop for Tab; the arrow keys move (and choose) within it.
      expert.tabTo("#source-DOCUMENT").press(Keys.SPACE);
      expert.press(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
      assertThat(expert.driver().switchTo().activeElement().getAttribute("id"))
          .isEqualTo("source-DATA");
      expert.tabTo("#judgement-STRENGTH").press(Keys.SPACE);
      expert.tabTo("#text").press("Waiting times fell from 56 to 14 days.");
      expert.tabTo("#save-note").press(Keys.ENTER);
      expert.waitForText("Note saved");
      assertThat(expert.textOf("#notes")).contains("two weeks", "56 to 14 days");
      expert
          .type("#debriefDay", uk(onSite))
          .type("#debriefText", "Carers trust the new team; follow up the front door tomorrow.")
          .click("#save-debrief")
          .waitForText("Debrief saved");
      assertThat(expert.textOf("#debriefs")).contains("follow up the front door");

      var notes = expertApi.get(API + "/" + challenge + "/evidence").structure().asJsonArray();
      String interview = notes.getJsonObject(0).getString("id");
      String data = notes.getJsonObject(1).getString("id");
      expert.open(page + "/triangulation");
      expert
          .choose("#findingLine", "How well are carers supported?")
          .click("#finding-judgement-STRENGTH")
          .type("#findingText", "Carers are assessed quickly.")
          .click("#note-" + interview)
          .click("#draft-finding")
          .waitForText("Finding drafted");
      assertThat(expert.textOf("#findings")).contains("Not yet triangulated");
      accessible(expert, "triangulation, one kind of source");
      expert
          .click("#findings details summary")
          .click("#findings details input[value='" + data + "']")
          .click("#findings details button")
          .waitForText("Evidence linked to the finding");
      assertThat(expert.textOf("#findings")).contains("Triangulated").doesNotContain("Not yet");
      accessible(expert, "triangulation, two kinds of source");

      expert.open(page);
      expert
          .choose("#pointKind", "Strength")
          .type("#pointText", "Carers are assessed within two weeks, and they notice.")
          .click("#add-point")
          .waitForText("Point added to the feedback");
      accessible(expert, "the challenge with feedback");
    }
    for (String step : List.of("PREPARING", "ON_SITE", "FEEDBACK")) {
      manager.put(API + "/" + challenge + "/status", "{\"status\":\"" + step + "\"}");
    }
    try (Browser director = platform.browserAs(REGION, "tenant-admin")) {
      director.open(page);
      director
          .click("#feedback details summary")
          .type(
              "#feedback details textarea",
              "Carers are assessed within two weeks now, and they notice the difference.")
          .click("#feedback details button")
          .waitForText("Point reworded");
      director
          .choose("#pointKind", "Recommendation")
          .type("#pointText", "Give carers one number to call at the front door.")
          .click("#add-point")
          .waitForText("Point added to the feedback");
      assertThat(director.textOf("#feedback"))
          .as("the feedback, co-written by the expert and the director")
          .contains("within two weeks", "one number to call");
      director
          .type("#reportText", "Solihull supports carers well; the front door needs work.")
          .click("#save-report")
          .waitForText("Report saved");
      director.click("#release-report").waitForText("Report released to the host");
      accessible(director, "the released report");
    }
    try (Browser host = Browser.start()) {
      host.signIn(REGION, email, TestRealms.PASSWORD);
      host.open(page);
      assertThat(host.textOf("#feedback")).contains("notice the difference", "one number to call");
      assertThat(host.textOf("#report")).contains("front door needs work");
      host.type("#recommendation", "Give carers one number to call")
          .type("#action", "One phone number for carers")
          .type("#owner", "Head of adult social care")
          .type("#dueOn", uk(LocalDate.now().plusMonths(6)))
          .click("#add-action")
          .waitForText("Action added to the plan");
      assertThat(host.textOf("#actions")).contains("One phone number for carers", "not started");
      host.choose("#status", "In progress")
          .type("#progressNote", "The number is live from the autumn.")
          .click("#record-progress")
          .waitForText("Progress recorded");
      assertThat(host.textOf("#actions")).contains("in progress", "live from the autumn");
      accessible(host, "the host's action plan");
    }

    // Paid as equals: the region records the expert's four days on site; each is one claim.
    try (Browser region = platform.browserAs(REGION, "officer")) {
      for (int day = 0; day < 4; day++) {
        region.open(visit);
        region
            .choose("#memberId", nameOf(region, expertId))
            .type("#dayOn", uk(onSite.plusDays(day)))
            .choose("#part", "On site")
            .click("#record-day")
            .waitForText("Day recorded");
      }
      region.open(visit);
      region
          .choose("#memberId", nameOf(region, expertId))
          .type("#dayOn", uk(onSite))
          .choose("#part", "On site")
          .click("#record-day")
          .waitForText("Day recorded");
      assertThat(region.driver().findElements(By.cssSelector("#days tbody tr"))).hasSize(4);
      assertThat(region.textOf("#access-needs"))
          .as("the organiser sees each member's needs only as they chose to share them")
          .contains("Not shared");
      accessible(region, "the team's days");
    }
    assertThat(
            Eventually.within(
                Duration.ofSeconds(30), () -> dayClaims(expertApi, challenge).size() == 4))
        .as("the expert's four days are four claims")
        .isTrue();
    List<JsonObject> claims = dayClaims(expertApi, challenge);
    assertThat(claims)
        .as("each at the region's day rate, however often a day is recorded")
        .hasSize(4)
        .allSatisfy(
            claim -> assertThat(claim.getJsonNumber("feePence").longValue()).isEqualTo(15000));

    // The first day's claim carries the train there and the night before, agreed in advance.
    String claim = "/api/v1/" + REGION + "/payments/claims/" + claims.get(0).getString("id");
    assertThat(
            expertApi
                .post(
                    claim + "/expenses",
                    "{\"kind\":\"overnight-stay\",\"description\":\"Hotel in Solihull, the night"
                        + " before\",\"amountPence\":8900}")
                .status())
        .as("an overnight stay needs the agreement first")
        .isEqualTo(400);
    for (String expense :
        List.of(
            "{\"kind\":\"travel-fare\",\"description\":\"Train from Stoke and back\","
                + "\"amountPence\":2350}",
            "{\"kind\":\"overnight-stay\",\"description\":\"Hotel in Solihull, the night"
                + " before\",\"amountPence\":8900,\"priorAgreement\":\"Agreed with the"
                + " programme manager by email\"}")) {
      ApiClient.Result added = expertApi.post(claim + "/expenses", expense);
      assertThat(added.status()).as(added.body()).isEqualTo(201);
      ApiClient.Result receipt =
          expertApi.send(
              "PUT",
              claim + "/expenses/" + added.json().getString("id") + "/receipt?fileName=receipt.pdf",
              "application/pdf",
              "%PDF-1.4\n% a receipt\n");
      assertThat(receipt.status()).as(receipt.body()).isEqualTo(204);
    }
    ApiClient.Result submitted =
        expertApi.post(claim + "/submission", "{\"acknowledgeBenefitWarnings\":true}");
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    assertThat(submitted.json().getString("status")).isEqualTo("SUBMITTED");
    assertThat(submitted.json().getJsonNumber("expensesPence").longValue()).isEqualTo(11250);
    assertThat(dayClaims(expertApi, challenge)).as("still one claim a day").hasSize(4);
  }

  /** The expert's own claims for this challenge's days, from payments. */
  private static List<JsonObject> dayClaims(ApiClient expert, String challenge) {
    return expert.get("/api/v1/" + REGION + "/payments/claims").structure().asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> "peer-challenge".equals(c.getString("activityType", "")))
        .filter(c -> c.getString("activityTitle", "").contains("Solihull Council"))
        .toList();
  }

  /** The text of the team member's option in the days form. */
  private static String nameOf(Browser browser, String memberId) {
    return browser
        .driver()
        .findElement(By.cssSelector("#memberId option[value='" + memberId + "']"))
        .getText();
  }

  private static void accessible(Browser browser, String what) {
    assertThat(browser.accessibilityViolations()).as("axe on " + what).isEmpty();
  }

  private static String uk(LocalDate day) {
    return day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear();
  }
}
