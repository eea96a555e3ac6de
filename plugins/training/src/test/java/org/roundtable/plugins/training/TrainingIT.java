package org.roundtable.plugins.training;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.Browser;
import org.roundtable.testkit.Eventually;
import org.roundtable.testkit.Mailbox;
import org.roundtable.testkit.Platform;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.testkit.TestServers;

/**
 * A session from its course to the claim and the certificates, through the API as Solihull: the
 * career development officer sets up the course and a ten-place session with Kemyn, an expert by
 * experience, sharing their story; eleven newly qualified social workers book (one is a learner
 * only, not an officer); the eleventh waits, is offered the place when someone cancels and takes
 * it; the register is taken; Kemyn's part becomes one claim at Solihull's rate, once; those who
 * came download their certificates. Kirklees sees none of it.
 */
@PlatformTest
class TrainingIT {

  private static final String BASE = "/api/v1/solihull/training";

  @Test
  void aSessionFromBookingToClaimAndCertificate(Platform platform) throws Exception {
    ApiClient officer = platform.as("solihull", "officer");
    Platform.Person expert = platform.newMember("solihull", "Kemyn Pascoe");
    ApiClient kemyn = expert.api();
    String kemynId = expert.id();

    String course =
        created(
            officer.post(
                BASE + "/courses",
                "{\"title\":\"What good support looks like — from people who use services\","
                    + "\"audience\":\"ASYE\",\"summary\":\"Co-delivered with people who use"
                    + " services: ask them what good support looks like.\",\"outcomes\":[\"Listen"
                    + " to what matters to the person\",\"Write plans in plain words\"],"
                    + "\"lengthMinutes\":180}"));
    ApiClient.Result handout =
        officer.send(
            "POST",
            BASE + "/courses/" + course + "/materials?title=Handout&fileName=handout.pdf",
            "application/pdf",
            "%PDF-1.4\n% a handout\n");
    assertThat(handout.status()).as(handout.body()).isEqualTo(201);
    assertThat(
            officer
                .send(
                    "POST",
                    BASE + "/courses/" + course + "/materials?title=Page",
                    "text/html",
                    "<script>alert(1)</script>")
                .status())
        .as("never active content")
        .isEqualTo(415);
    Instant start = Instant.now().plus(Duration.ofDays(3));
    String session =
        created(
            officer.post(
                BASE + "/courses/" + course + "/sessions",
                "{\"startsAt\":\""
                    + start
                    + "\",\"endsAt\":\""
                    + start.plus(Duration.ofHours(3))
                    + "\",\"venue\":\"Solihull Council House, room 4\",\"accessInfo\":\"Step-free"
                    + " from Homer Road; hearing loop\",\"capacity\":10}"));
    ApiClient.Result facilitating =
        officer.put(
            BASE + "/sessions/" + session + "/facilitators/" + kemynId,
            "{\"part\":\"SHARING_STORY\",\"expert\":true,\"preparationMinutes\":60,"
                + "\"debriefMinutes\":30}");
    assertThat(facilitating.status()).as(facilitating.body()).isEqualTo(200);
    assertThat(Mailbox.emailTo(expert.email(), "Thank you for facilitating"))
        .as("Kemyn hears, with the invitation")
        .contains("sharing their story");

    // Eleven newly qualified social workers, learners and not officers.
    List<String> names =
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
            "Gabriel Santos");
    List<ApiClient> learners = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    for (String name : names) {
      Platform.Person learner = platform.newMember("solihull", name, "learner");
      learners.add(learner.api());
      emails.add(learner.email());
    }
    assertThat(learners.get(0).get(BASE + "/courses/" + course + "/materials").body())
        .as("every learner reads the materials")
        .contains("Handout");
    assertThat(learners.get(0).post(BASE + "/courses", "{}").status())
        .as("a learner does not set up courses")
        .isEqualTo(403);
    List<String> bookings = new ArrayList<>();
    for (ApiClient learner : learners) {
      ApiClient.Result booked = learner.post(BASE + "/sessions/" + session + "/bookings", "{}");
      assertThat(booked.status()).as(booked.body()).isEqualTo(201);
      bookings.add(booked.json().getString("id"));
    }
    assertThat(status(learners.get(9), bookings.get(9))).isEqualTo("BOOKED");
    assertThat(status(learners.get(10), bookings.get(10))).as("the eleventh").isEqualTo("WAITING");
    JsonObject full = officer.get(BASE + "/sessions/" + session).json();
    assertThat(full.getInt("placesLeft")).isZero();
    assertThat(full.getInt("waiting")).isEqualTo(1);

    // Someone cancels: the place is offered to the eleventh, who takes it.
    assertThat(
            learners
                .get(2)
                .post(BASE + "/bookings/" + bookings.get(2) + "/cancellation", "")
                .status())
        .isEqualTo(200);
    assertThat(status(learners.get(10), bookings.get(10))).isEqualTo("OFFERED");
    assertThat(Mailbox.emailTo(emails.get(10), "A place came free")).contains("Accept it");
    assertThat(
            learners
                .get(1)
                .post(BASE + "/bookings/" + bookings.get(10) + "/acceptance", "")
                .status())
        .as("nobody takes another's offer")
        .isEqualTo(404);
    ApiClient.Result accepted =
        learners.get(10).post(BASE + "/bookings/" + bookings.get(10) + "/acceptance", "");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().getString("status")).isEqualTo("BOOKED");

    // Kirklees sees nothing of Solihull's training.
    ApiClient kirklees = platform.as("kirklees", "officer");
    assertThat(kirklees.get("/api/v1/kirklees/training/courses").body()).doesNotContain(course);
    assertThat(kirklees.get("/api/v1/kirklees/training/sessions/" + session).status())
        .isEqualTo(404);
    assertThat(kirklees.get("/api/v1/kirklees/training/courses/" + course).status()).isEqualTo(404);

    // The day comes (the session is moved into the past, as time would): the register.
    TestServers.ownerSql(
        "UPDATE training_session SET starts_at = now() - interval '4 hours',"
            + " ends_at = now() - interval '1 hour' WHERE id = '"
            + session
            + "'");
    Map<String, Boolean> came = new LinkedHashMap<>();
    for (int i = 0; i < 11; i++) {
      if (i != 2) {
        came.put(bookings.get(i), i != 5); // the sixth did not come
      }
    }
    String register =
        "{\"attended\":{"
            + came.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(","))
            + "}}";
    ApiClient.Result taken = officer.put(BASE + "/sessions/" + session + "/register", register);
    assertThat(taken.status()).as(taken.body()).isEqualTo(200);
    assertThat(officer.put(BASE + "/sessions/" + session + "/register", register).status())
        .as("taken again, corrected")
        .isEqualTo(200);
    ApiClient.Result roles =
        platform
            .as("solihull", "tenant-admin")
            .put(
                "/api/v1/solihull/members/" + kemynId + "/roles",
                "{\"roles\":[\"member\",\"facilitator\"]}");
    assertThat(roles.status()).as(roles.body()).isEqualTo(200);
    ApiClient kemynFacilitating = platform.asInvited("solihull", expert.email());
    assertThat(kemynFacilitating.get(BASE + "/sessions/" + session + "/bookings").status())
        .as("with the facilitator role, Kemyn sees who is booked")
        .isEqualTo(200);
    ApiClient.Result ownRegister =
        kemynFacilitating.put(BASE + "/sessions/" + session + "/register", register);
    assertThat(ownRegister.status())
        .as("but does not take the register that pays Kemyn")
        .isEqualTo(403);
    assertThat(ownRegister.body()).contains("Someone else takes the register");

    // Kemyn's preparation, delivery and debrief: one claim at Solihull's hourly rate.
    assertThat(Eventually.within(Duration.ofSeconds(30), () -> claims(kemyn, session).size() == 1))
        .as("Kemyn's claim")
        .isTrue();
    JsonObject claim = claims(kemyn, session).get(0);
    assertThat(claim.getInt("minutes"))
        .as("3 hours, 1 hour's preparation, 30 minutes' debrief")
        .isEqualTo(270);
    assertThat(claim.getJsonNumber("feePence").longValue())
        .as("with Solihull's 30 minutes' preparation, 5 hours at £30")
        .isEqualTo(15000);

    // Evaluations: once each, by those who came; anonymous in what the facilitators see.
    String evaluation =
        "{\"ratings\":[{\"outcome\":0,\"before\":2,\"after\":4},"
            + "{\"outcome\":1,\"before\":3,\"after\":5}],\"doingDifferently\":\"Ask what"
            + " matters first\",\"expertContribution\":\"Hearing Kemyn changed how I listen\"}";
    assertThat(learners.get(3).get(BASE + "/bookings/to-evaluate").body()).contains(session);
    assertThat(
            learners
                .get(0)
                .post(BASE + "/sessions/" + session + "/evaluation", evaluation)
                .status())
        .isEqualTo(201);
    assertThat(
            learners
                .get(0)
                .post(BASE + "/sessions/" + session + "/evaluation", evaluation)
                .status())
        .as("once")
        .isEqualTo(409);
    assertThat(
            learners
                .get(1)
                .post(
                    BASE + "/sessions/" + session + "/evaluation",
                    "{\"ratings\":[{\"outcome\":0,\"before\":1,\"after\":6}]}")
                .status())
        .as("every outcome, 1 to 5")
        .isEqualTo(400);
    assertThat(
            learners
                .get(1)
                .post(
                    BASE + "/sessions/" + session + "/evaluation",
                    "{\"ratings\":[{\"outcome\":0,\"before\":1,\"after\":3},"
                        + "{\"outcome\":1,\"before\":2,\"after\":4}]}")
                .status())
        .isEqualTo(201);
    assertThat(
            learners
                .get(5)
                .post(BASE + "/sessions/" + session + "/evaluation", evaluation)
                .status())
        .as("not there, no evaluation")
        .isEqualTo(404);
    assertThat(learners.get(0).get(BASE + "/bookings/to-evaluate").body()).doesNotContain(session);
    JsonObject results = kemyn.get(BASE + "/sessions/" + session + "/evaluations").json();
    assertThat(results.getInt("evaluations")).isEqualTo(2);
    JsonObject first = results.getJsonArray("outcomes").getJsonObject(0);
    assertThat(first.getString("outcome")).isEqualTo("Listen to what matters to the person");
    assertThat(first.getJsonNumber("before").doubleValue()).isEqualTo(1.5);
    assertThat(first.getJsonNumber("after").doubleValue()).isEqualTo(3.5);
    assertThat(results.toString())
        .as("Kemyn, a facilitator, sees the words and no names")
        .contains("Hearing Kemyn changed how I listen")
        .doesNotContain("Zoë", learnerIds(learners).get(0));
    assertThat(learners.get(1).get(BASE + "/sessions/" + session + "/evaluations").status())
        .as("an attendee does not see the others' evaluations")
        .isEqualTo(404);
    assertThat(
            officer.get(BASE + "/courses/" + course + "/evaluations").json().getInt("evaluations"))
        .isEqualTo(2);

    // Kemyn's debrief; the CPD record with the reflection; the ASYE cohort.
    assertThat(
            kemyn
                .put(
                    BASE + "/sessions/" + session + "/debriefs/" + kemynId,
                    "{\"howItWent\":\"Tiring but good; they listened\",\"whatToChange\":\"A"
                        + " break before my story\"}")
                .status())
        .isEqualTo(200);
    assertThat(officer.get(BASE + "/sessions/" + session + "/debriefs/" + kemynId).body())
        .contains("A break before my story");
    assertThat(learners.get(0).get(BASE + "/sessions/" + session + "/debriefs/" + kemynId).status())
        .isEqualTo(404);
    assertThat(
            learners
                .get(0)
                .put(
                    BASE + "/sessions/" + session + "/reflection",
                    "{\"reflection\":\"I will ask people what good support means to them.\","
                        + "\"peerReflection\":true}")
                .status())
        .isEqualTo(204);
    JsonObject year = learners.get(0).get(BASE + "/cpd").json();
    JsonObject line = year.getJsonArray("lines").getJsonObject(0);
    assertThat(line.getString("reflection")).contains("what good support means");
    assertThat(line.getString("livedExperienceFeedback"))
        .isEqualTo("Hearing Kemyn changed how I listen");
    assertThat(line.getBoolean("peerReflection")).isTrue();
    String csv =
        new String(
            learners.get(0).bytes(BASE + "/cpd/export"), java.nio.charset.StandardCharsets.UTF_8);
    try (var parsed =
        org.apache.commons.csv.CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new java.io.StringReader(csv))) {
      var records = parsed.getRecords();
      assertThat(records).hasSize(1);
      assertThat(records.get(0).get("Activity")).startsWith("What good support looks like");
      assertThat(records.get(0).get("Hours")).isEqualTo("3.00");
      assertThat(records.get(0).get("Reflected with a peer")).isEqualTo("Yes");
    }
    String cohort = officer.get(BASE + "/cpd/cohort").body();
    assertThat(cohort).contains("Zoë Ó Súilleabháin", "Gabriel Santos").doesNotContain("Tomasz");
    assertThat(learners.get(0).get(BASE + "/cpd/cohort").status()).isEqualTo(403);

    // Certificates: a real PDF for those who came; none for the one who did not.
    ApiClient.Result certificate =
        learners.get(0).get(BASE + "/bookings/" + bookings.get(0) + "/certificate");
    assertThat(certificate.status()).as(certificate.body()).isEqualTo(200);
    assertThat(certificate.contentType()).startsWith("application/pdf");
    assertThat(certificate.header("Content-Disposition")).startsWith("attachment");
    try (PDDocument pdf =
        Loader.loadPDF(
            learners.get(0).bytes(BASE + "/bookings/" + bookings.get(0) + "/certificate"))) {
      assertThat(new PDFTextStripper().getText(pdf))
          .contains(
              "Certificate of attendance", "Zoë Ó Súilleabháin", "What good support looks like");
    }
    assertThat(learners.get(5).get(BASE + "/bookings/" + bookings.get(5) + "/certificate").status())
        .as("not there, no certificate")
        .isEqualTo(404);
    assertThat(learners.get(1).get(BASE + "/bookings/" + bookings.get(0) + "/certificate").status())
        .as("someone else's")
        .isEqualTo(404);
  }

  @Test
  void aMemberLearnsToChairAMeeting(Platform platform) throws Exception {
    ApiClient officer = platform.as("solihull", "officer");
    Platform.Person chris = platform.newMember("solihull", "Chris Carer");
    String course =
        created(
            officer.post(
                BASE + "/courses",
                "{\"title\":\"Chairing a meeting\",\"audience\":\"MEMBERS\",\"summary\":\"How"
                    + " to chair a meeting of equals.\",\"outcomes\":[\"Keep to time, kindly\"],"
                    + "\"lengthMinutes\":120}"));
    String session = schedule(officer, course, Instant.now().plus(Duration.ofHours(40)), 8);
    ApiClient.Result withoutConduct =
        chris.api().post(BASE + "/sessions/" + session + "/bookings", "{}");
    assertThat(withoutConduct.status()).isEqualTo(400);
    assertThat(withoutConduct.body()).contains("code of conduct");
    assertThat(
            chris
                .api()
                .post(BASE + "/sessions/" + session + "/bookings", "{\"conductAccepted\":true}")
                .status())
        .isEqualTo(201);

    // The reminder, from the scheduled job; a move, with the updated invitation.
    platform.runJob("solihull", "training:session-reminders");
    assertThat(Mailbox.emailTo(chris.email(), "A reminder that you have a place")).isNotBlank();
    Instant later = Instant.now().plus(Duration.ofHours(41));
    assertThat(
            officer
                .put(
                    BASE + "/sessions/" + session,
                    "{\"startsAt\":\""
                        + later
                        + "\",\"endsAt\":\""
                        + later.plus(Duration.ofHours(2))
                        + "\",\"venue\":\"The Core, Solihull\",\"capacity\":8}")
                .status())
        .isEqualTo(200);
    assertThat(Mailbox.attachmentTo(chris.email(), "text/calendar", "SEQUENCE:1"))
        .contains("The Core");

    // A waiting list of one whose offer runs out, and a cancelled session.
    String small = schedule(officer, course, Instant.now().plus(Duration.ofDays(5)), 1);
    String officersPlace =
        created(
            officer.post(BASE + "/sessions/" + small + "/bookings", "{\"conductAccepted\":true}"));
    String waiting = created(chris.api().post(BASE + "/sessions/" + small + "/bookings", "{}"));
    officer.post(BASE + "/bookings/" + officersPlace + "/cancellation", "");
    TestServers.ownerSql(
        "UPDATE training_booking SET offered_until = now() - interval '1 minute' WHERE id = '"
            + waiting
            + "' AND status = 'OFFERED'");
    platform.runJob("solihull", "training:waiting-list-offers");
    assertThat(status(chris.api(), waiting)).as("the offer ran out").isEqualTo("EXPIRED");
    String third = schedule(officer, course, Instant.now().plus(Duration.ofDays(9)), 8);
    created(chris.api().post(BASE + "/sessions/" + third + "/bookings", "{}"));
    assertThat(officer.post(BASE + "/sessions/" + third + "/cancellation", "").status())
        .isEqualTo(200);
    assertThat(Mailbox.attachmentTo(chris.email(), "text/calendar", "METHOD:CANCEL")).isNotBlank();

    // An officer books someone else; a member cannot.
    String fourth = schedule(officer, course, Instant.now().plus(Duration.ofDays(12)), 8);
    Platform.Person sam = platform.newMember("solihull", "Sam Member");
    assertThat(
            chris
                .api()
                .post(
                    BASE + "/sessions/" + fourth + "/bookings",
                    "{\"memberId\":\"" + sam.id() + "\",\"conductAccepted\":true}")
                .status())
        .isEqualTo(403);
    ApiClient.Result forSam =
        officer.post(
            BASE + "/sessions/" + fourth + "/bookings",
            "{\"memberId\":\"" + sam.id() + "\",\"conductAccepted\":true}");
    assertThat(forSam.status()).as(forSam.body()).isEqualTo(201);
    assertThat(status(sam.api(), forSam.json().getString("id"))).isEqualTo("BOOKED");

    // Chris comes: an achievement on their record, and never a claim.
    TestServers.ownerSql(
        "UPDATE training_session SET starts_at = now() - interval '3 hours',"
            + " ends_at = now() - interval '1 hour' WHERE id = '"
            + session
            + "'");
    String booking = bookingOn(chris.api(), session);
    assertThat(
            officer
                .put(
                    BASE + "/sessions/" + session + "/register",
                    "{\"attended\":{\"" + booking + "\":true}}")
                .status())
        .isEqualTo(200);
    try (Browser admin = platform.browserAs("solihull", "tenant-admin")) {
      admin.open(platform.publicUrl() + "/solihull/people/" + chris.id());
      assertThat(admin.textOf("#taken-part")).contains("Completed the course: Chairing a meeting");
      assertThat(admin.accessibilityViolations()).isEmpty();
    }
    assertThat(chris.api().get("/api/v1/solihull/payments/claims").body())
        .as("learning is not paid")
        .doesNotContain("training-course");
  }

  private static String schedule(ApiClient officer, String course, Instant start, int places) {
    return created(
        officer.post(
            BASE + "/courses/" + course + "/sessions",
            "{\"startsAt\":\""
                + start
                + "\",\"endsAt\":\""
                + start.plus(Duration.ofHours(2))
                + "\",\"venue\":\"Solihull Council House\",\"capacity\":"
                + places
                + "}"));
  }

  private static String bookingOn(ApiClient person, String session) {
    return person.get(BASE + "/bookings").structure().asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(b -> b.getString("sessionId").equals(session))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }

  private static List<String> learnerIds(List<ApiClient> learners) {
    return learners.stream().map(l -> l.get("/api/v1/solihull/me").json().getString("id")).toList();
  }

  private static List<JsonObject> claims(ApiClient expert, String session) {
    return expert.get("/api/v1/solihull/payments/claims").structure().asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> "training-session".equals(c.getString("activityType", "")))
        .filter(c -> c.getString("activityTitle", "").contains("What good support"))
        .toList();
  }

  private static String status(ApiClient learner, String booking) {
    return learner.get(BASE + "/bookings").structure().asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(b -> b.getString("id").equals(booking))
        .findFirst()
        .orElseThrow()
        .getString("status");
  }

  private static String created(ApiClient.Result result) {
    assertThat(result.status()).as(result.body()).isEqualTo(201);
    return result.json().getString("id");
  }
}
