package org.roundtable.plugins.training;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.roundtable.testkit.Browser;
import org.roundtable.testkit.Platform;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.testkit.TestRealms;
import org.roundtable.testkit.TestServers;

/**
 * "What good support looks like — from people who use services" in a real browser, with axe on
 * every page: Solihull's career development officer sets the course up with Kemyn, an expert by
 * experience, sharing their story; eleven newly qualified social workers book a ten-place session
 * (the eleventh on the waiting list, offered the place when someone cancels, takes it); the
 * register is taken; evaluations are filled in (one keyboard-only, one with JavaScript off); a
 * social worker downloads the certificate and the CPD record; Kemyn sees the evaluation summary.
 */
@PlatformTest
class TrainingJourneyIT {

  private static final String API = "/api/v1/solihull/training";

  @Test
  void whatGoodSupportLooksLike(Platform platform, @TempDir Path files) throws Exception {
    String app = platform.publicUrl() + "/solihull/training/";
    Platform.Person kemyn = platform.newMember("solihull", "Kemyn Tremayne");
    List<Platform.Person> workers = new ArrayList<>();
    for (String name :
        List.of(
            "Zoë Ó Súilleabháin",
            "Aisha Khan",
            "Tomasz Wiśniewski",
            "Đặng Thị Hương",
            "Priya Patel",
            "Callum Reid",
            "Amara Okafor",
            "Rhys Evans",
            "Yusuf Ahmed",
            "Hannah Clarke",
            "Gabriel Santos")) {
      workers.add(platform.newMember("solihull", name, "learner"));
    }
    String session;
    try (Browser officer = platform.browserAs("solihull", "officer")) {
      officer.open(app);
      accessible(officer, "training");
      officer
          .type("#title", "What good support looks like — from people who use services")
          .choose("#audience", "Newly qualified social workers (ASYE)")
          .type(
              "#summary", "Officers and experts by experience, together: ask what good support is.")
          .type("#outcomes", "Listen to what matters to the person\nWrite plans in plain words")
          .type("#lengthMinutes", "180")
          .click("#create-course")
          .waitForText("Course set up");
      accessible(officer, "the new course");
      Path handout =
          Files.writeString(files.resolve("handout.pdf"), "%PDF-1.4\n% What good support is\n");
      Path easyRead = Files.writeString(files.resolve("easy.pdf"), "%PDF-1.4\n% In short\n");
      officer.type("#materialTitle", "Handout").attach("#material", handout).click("#add-material");
      officer.waitForText("Material added");
      officer
          .type("#materialTitle", "Handout in easy read")
          .choose("#easyReadOf", "Yes, of Handout")
          .attach("#material", easyRead)
          .click("#add-material")
          .waitForText("Material added");
      assertThat(officer.textOf("#materials"))
          .contains("Handout", "The easy-read version of Handout");
      assertThat(
              new String(
                  officer.download(officer.hrefOf("#materials a")),
                  java.nio.charset.StandardCharsets.UTF_8))
          .startsWith("%PDF-1.4");
      accessible(officer, "the course with its materials");
      officer
          .type("#day", uk(LocalDate.now().plusDays(3)))
          .type("#from", "10am")
          .type("#to", "1pm")
          .type("#venue", "Solihull Council House, room 4")
          .type("#accessInfo", "Step-free from Homer Road; hearing loop")
          .type("#capacity", "10")
          .click("#add-session")
          .waitForText("Session added");
      session = officer.url().replaceAll(".*/session/([0-9a-f-]{36}).*", "$1");
      officer
          .choose("#memberId", "Kemyn Tremayne")
          .choose("#part", "Sharing their story")
          .click("#expert")
          .type("#preparationMinutes", "60")
          .type("#debriefMinutes", "30")
          .click("#add-facilitator")
          .waitForText("Facilitator added");
      assertThat(officer.textOf("#facilitators"))
          .contains("Kemyn Tremayne", "expert by experience");
      accessible(officer, "the session, set up");
    }

    for (int i = 0; i < 10; i++) {
      assertThat(
              workers.get(i).api().post(API + "/sessions/" + session + "/bookings", "{}").status())
          .isEqualTo(201);
    }
    try (Browser eleventh = signedIn(workers.get(10))) {
      eleventh.open(app);
      assertThat(eleventh.textOf("#upcoming")).contains("Full: book to join the waiting list");
      eleventh.click("#book-" + session);
      assertThat(eleventh.text()).as("after booking").contains("you are on the waiting list");
      accessible(eleventh, "training, on the waiting list");
      String third = bookingOf(workers.get(2), session);
      assertThat(
              workers.get(2).api().post(API + "/bookings/" + third + "/cancellation", "").status())
          .isEqualTo(200);
      eleventh.open(app);
      assertThat(eleventh.textOf("#bookings")).contains("A place is offered to you");
      accessible(eleventh, "training, a place offered");
      eleventh.click("#bookings button[id^='accept-']").waitForText("The place is yours");
      assertThat(eleventh.textOf("#bookings")).contains("Booked");
    }

    // The day comes (moved into the past, as time would): the register, one who did not come.
    TestServers.ownerSql(
        "UPDATE training_session SET starts_at = now() - interval '4 hours',"
            + " ends_at = now() - interval '1 hour' WHERE id = '"
            + session
            + "'");
    String page = app + "session/" + session;
    try (Browser officer = platform.browserAs("solihull", "officer")) {
      officer.open(page);
      accessible(officer, "the register");
      officer.click("#came-" + bookingOf(workers.get(5), session));
      officer.click("#take-register").waitForText("Register taken");
      officer.open(app + "cohort");
      assertThat(officer.textOf("#cohort"))
          .contains("Zoë Ó Súilleabháin", "What good support looks like");
      accessible(officer, "the ASYE cohort");
    }

    // Two evaluations: one by keyboard alone, one with JavaScript off.
    try (Browser first = signedIn(workers.get(0))) {
      first.open(page);
      accessible(first, "the evaluation");
      // A radio group is one stop for Tab; the arrow keys move (and choose) within it.
      first.tabTo("#before-0-1").press(Keys.ARROW_RIGHT);
      first.tabTo("#after-0-1").press(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
      first.tabTo("#before-1-1").press(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
      first.tabTo("#after-1-1").press(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
      first.tabTo("#doingDifferently").press("Ask what matters before anything else.");
      first.tabTo("#expertContribution").press("Hearing Kemyn changed how I listen.");
      first.tabTo("#send-evaluation").press(Keys.ENTER);
      first.waitForText("your evaluation is in");

      // The certificate and the CPD record, downloaded with this person's session.
      byte[] pdf = first.download(first.hrefOf("#certificate"));
      try (PDDocument certificate = Loader.loadPDF(pdf)) {
        assertThat(new PDFTextStripper().getText(certificate))
            .contains(
                "Certificate of attendance", "Zoë Ó Súilleabháin", "What good support looks like");
      }
      first.open(app);
      String csv =
          new String(
              first.download(first.hrefOf("#cpd-record")), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(csv)
          .contains("What good support looks like", "Hearing Kemyn changed how I listen.");
    }
    try (Browser second = signedIn(workers.get(1))) {
      second.open(platform.publicUrl() + "/solihull/");
      assertThat(second.text())
          .as("the home page asks for the evaluation")
          .contains("Evaluate: What good support looks like");
      second.scripts(false).open(page);
      second
          .click("#before-0-1")
          .click("#after-0-3")
          .click("#before-1-2")
          .click("#after-1-4")
          .type("#doingDifferently", "Write plans with the person, in their words.")
          .click("#send-evaluation")
          .waitForText("your evaluation is in");
    }

    // Kemyn sees the evaluation summary: figures, a chart with the table beside it, no names.
    try (Browser expert = signedIn(kemyn)) {
      expert.open(page);
      assertThat(expert.textOf("#results-table"))
          .contains("Listen to what matters to the person", "1.5", "3.5");
      assertThat(expert.has("#results-chart")).isTrue();
      assertThat(expert.textOf("#expert-contribution"))
          .contains("Hearing Kemyn changed how I listen.");
      assertThat(expert.text()).doesNotContain("Zoë", "Aisha");
      expert
          .type("#howItWent", "Tiring, but they listened and asked good questions.")
          .type("#whatToChange", "A short break before my story.")
          .click("#save-debrief")
          .waitForText("Debrief saved");
      assertThat(expert.textOf("#debriefs")).contains("A short break before my story.");
      accessible(expert, "the evaluation summary");
    }
    assertThat(
            kemyn.api().get("/api/v1/solihull/payments/claims").structure().asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> "training-session".equals(c.getString("activityType", "")))
                .map(c -> c.getJsonNumber("feePence").longValue())
                .collect(Collectors.toList()))
        .as("Kemyn's preparation, delivery and debrief: one claim at Solihull's rate")
        .containsExactly(15000L);
  }

  private static Browser signedIn(Platform.Person person) throws Exception {
    return Browser.start().signIn("solihull", person.email(), TestRealms.PASSWORD);
  }

  private static String bookingOf(Platform.Person person, String session) {
    return person.api().get(API + "/bookings").structure().asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(b -> b.getString("sessionId").equals(session))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }

  private static void accessible(Browser browser, String what) {
    assertThat(browser.accessibilityViolations()).as("axe on " + what).isEmpty();
  }

  private static String uk(LocalDate day) {
    return day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear();
  }
}
