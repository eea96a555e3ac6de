package org.roundtable.plugins.peerchallenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.Browser;
import org.roundtable.testkit.Platform;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.testkit.TestRealms;

/**
 * A challenge in a real browser, with axe on every page: the region sets it up on its pages; the
 * host's coordinator (a guest) uploads the position statement; the expert by experience and the
 * director, both on the team, see the same page and documents; one note is written with JavaScript
 * off and one by keyboard alone; a finding with one kind of source shows as not triangulated, then
 * as triangulated after a second.
 */
@PlatformTest
class ChallengeJourneyIT {

  private static final String API = "/api/v1/kirklees/peer-challenge/challenges";

  @Test
  void aChallengeThroughThePages(Platform platform, @TempDir Path files) throws Exception {
    String app = platform.publicUrl();
    ApiClient manager = platform.as("kirklees", "officer");
    String expertId =
        platform.as("kirklees", "member").get("/api/v1/kirklees/me").json().getString("id");
    String directorId =
        platform.as("kirklees", "tenant-admin").get("/api/v1/kirklees/me").json().getString("id");
    String challenge;
    String email =
        "coordinator." + UUID.randomUUID().toString().substring(0, 8) + "@solihull.example";

    try (Browser region = platform.browserAs("kirklees", "officer")) {
      region.open(app + "/kirklees/peer-challenge/");
      accessible(region, "the list");
      region
          .type("#hostCouncil", "Solihull Council")
          .type("#focusQuestion", "How well does Solihull support unpaid carers?")
          .type("#scope", "Adult social care: carers and the front door")
          .type("#onSiteFrom", uk(LocalDate.now().plusDays(30)))
          .type("#onSiteTo", uk(LocalDate.now().plusDays(33)))
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
    String line =
        manager
            .get(API + "/" + challenge)
            .json()
            .getJsonArray("lines")
            .getJsonObject(0)
            .getString("id");

    platform.asInvited("kirklees", email);
    Path statement = Files.writeString(files.resolve("position.pdf"), "%PDF-1.4\n% Solihull\n");
    try (Browser host = Browser.start()) {
      host.signIn("kirklees", email, TestRealms.PASSWORD);
      host.open(app + "/kirklees/peer-challenge/challenge/" + challenge);
      accessible(host, "the host's challenge page");
      host.type("#documentTitle", "Position statement")
          .attach("#document", statement)
          .click("#add-document")
          .waitForText("Document added");
      accessible(host, "the library with the position statement");
      host.open(app + "/kirklees/peer-challenge/challenge/" + challenge + "/evidence");
      assertThat(host.text())
          .as("the team's evidence is not the host's")
          .doesNotContain("Save the note");
    }

    String page = app + "/kirklees/peer-challenge/challenge/" + challenge;
    String teamView;
    try (Browser director = platform.browserAs("kirklees", "tenant-admin")) {
      director.open(page);
      teamView = director.textOf("#team") + director.textOf("#documents");
    }
    try (Browser expert = platform.browserAs("kirklees", "member")) {
      expert.open(page);
      assertThat(expert.textOf("#team") + expert.textOf("#documents"))
          .as("the expert and the director see the same team and documents")
          .isEqualTo(teamView)
          .contains("Position statement");
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

      var notes =
          platform
              .as("kirklees", "member")
              .get(API + "/" + challenge + "/evidence")
              .structure()
              .asJsonArray();
      String interview = notes.getJsonObject(0).getString("id");
      String data = notes.getJsonObject(1).getString("id");
      ApiClient lead = platform.as("kirklees", "tenant-admin");
      String finding =
          lead.post(
                  API + "/" + challenge + "/findings",
                  "{\"lineId\":\""
                      + line
                      + "\",\"judgement\":\"STRENGTH\",\"text\":\"Carers are"
                      + " assessed quickly.\",\"notes\":[\""
                      + interview
                      + "\"]}")
              .json()
              .getString("id");
      expert.open(page + "/triangulation");
      assertThat(expert.textOf("#findings")).contains("Not yet triangulated");
      accessible(expert, "triangulation, one kind of source");
      lead.post(
          API + "/" + challenge + "/findings/" + finding + "/evidence",
          "{\"notes\":[\"" + data + "\"]}");
      expert.open(page + "/triangulation");
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
    try (Browser director = platform.browserAs("kirklees", "tenant-admin")) {
      director.open(page);
      director
          .type("#reportText", "Solihull supports carers well; the front door needs work.")
          .click("#save-report")
          .waitForText("Report saved");
      director.click("#release-report").waitForText("Report released to the host");
      accessible(director, "the released report");
    }
    try (Browser host = Browser.start()) {
      host.signIn("kirklees", email, TestRealms.PASSWORD);
      host.open(page);
      assertThat(host.textOf("#feedback")).contains("within two weeks");
      assertThat(host.textOf("#report")).contains("front door needs work");
      host.type("#recommendation", "Speed up the front door")
          .type("#action", "One phone number for carers")
          .type("#owner", "Head of adult social care")
          .type("#dueOn", uk(LocalDate.now().plusMonths(6)))
          .click("#add-action")
          .waitForText("Action added to the plan");
      assertThat(host.textOf("#actions")).contains("One phone number for carers", "not started");
      accessible(host, "the host's action plan");
    }
  }

  private static void accessible(Browser browser, String what) {
    assertThat(browser.accessibilityViolations()).as("axe on " + what).isEmpty();
  }

  private static String uk(LocalDate day) {
    return day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear();
  }
}
