package org.roundtable.plugins.peerchallenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.Eventually;
import org.roundtable.testkit.GuestCheck;
import org.roundtable.testkit.HttpSignIn;
import org.roundtable.testkit.Mailbox;
import org.roundtable.testkit.Platform;
import org.roundtable.testkit.PlatformTest;

/**
 * A challenge run by a region (Kirklees stands in for it here: any council may switch the plugin
 * on) for Solihull, through the API with real tokens: the host's coordinator, a guest, uploads the
 * position statement; the team (a director and an expert by experience, alike) sees the same
 * documents and writes evidence nobody else can read; a finding is triangulated by a second kind of
 * source; the expert's days become participation records, once; evidence past its retention date is
 * erased by the job and the findings are kept.
 */
@PlatformTest
class PeerChallengeIT {

  private static final String CHALLENGES = "/api/v1/kirklees/peer-challenge/challenges";

  @Test
  void aWholeChallengeThroughTheApi(Platform platform) throws Exception {
    ApiClient manager = platform.as("kirklees", "officer");
    ApiClient director = platform.as("kirklees", "tenant-admin");
    ApiClient expert = platform.as("kirklees", "member");
    String directorId = director.get("/api/v1/kirklees/me").json().getString("id");
    String expertId = expert.get("/api/v1/kirklees/me").json().getString("id");
    LocalDate onSite = LocalDate.now().plusDays(60);

    String challenge = create(manager, onSite);
    String carers = line(manager, challenge, "How well are carers supported?");
    line(manager, challenge, "Is the front door safe and quick?");
    assertThat(join(manager, challenge, directorId, "LEAD_PEER").status()).isEqualTo(201);
    ApiClient.Result joined = join(manager, challenge, expertId, "EXPERT_BY_EXPERIENCE");
    assertThat(joined.status()).as(joined.body()).isEqualTo(201);
    assertThat(joined.json().getJsonArray("team")).hasSize(2);
    assertThat(expert.get(CHALLENGES).structure().asJsonArray().toString())
        .as("a team member sees the challenges they are on")
        .contains(challenge);

    // The schedule: everyone going gets a calendar invitation, updated in place when it moves.
    String peerEmail = "olu." + UUID.randomUUID().toString().substring(0, 8) + "@dudley.example";
    ApiClient.Result peer =
        manager.post(
            "/api/v1/kirklees/members",
            "{\"fullName\":\"Olu Operational\",\"email\":\"" + peerEmail + "\"}");
    assertThat(peer.status()).as(peer.body()).isEqualTo(201);
    String peerId = peer.json().getString("id");
    join(manager, challenge, peerId, "OPERATIONAL_PEER");
    java.time.Instant nine =
        onSite.atTime(9, 0).atZone(java.time.ZoneId.of("Europe/London")).toInstant();
    String focusGroup =
        created(
            manager.post(
                CHALLENGES + "/" + challenge + "/schedule",
                "{\"kind\":\"FOCUS_GROUP\",\"title\":\"Carers' focus group\",\"startsAt\":\""
                    + nine
                    + "\",\"endsAt\":\""
                    + nine.plusSeconds(5400)
                    + "\",\"place\":\"Solihull Carers Centre\",\"accessInfo\":\"Step-free;"
                    + " hearing loop; quiet room\",\"members\":[\""
                    + expertId
                    + "\",\""
                    + peerId
                    + "\"]}"));
    assertThat(Mailbox.attachmentTo(peerEmail, "text/calendar", "UID:" + focusGroup))
        .contains("Solihull Carers Centre")
        .contains("SEQUENCE:0");
    manager.put(
        CHALLENGES + "/" + challenge + "/schedule/" + focusGroup,
        "{\"kind\":\"FOCUS_GROUP\",\"title\":\"Carers' focus group\",\"startsAt\":\""
            + nine.plusSeconds(3600)
            + "\",\"endsAt\":\""
            + nine.plusSeconds(9000)
            + "\",\"place\":\"Solihull Carers Centre\"}");
    assertThat(Mailbox.attachmentTo(peerEmail, "text/calendar", "SEQUENCE:1"))
        .contains("UID:" + focusGroup);
    assertThat(director.get(CHALLENGES + "/" + challenge + "/schedule").body())
        .as("the whole team sees the whole schedule")
        .isEqualTo(expert.get(CHALLENGES + "/" + challenge + "/schedule").body())
        .contains("Carers' focus group");

    // The host's coordinator: a guest of this challenge only.
    String email =
        "coordinator." + UUID.randomUUID().toString().substring(0, 8) + "@solihull.example";
    ApiClient.Result invited =
        manager.post(
            CHALLENGES + "/" + challenge + "/coordinators",
            "{\"fullName\":\"Sam Coordinator\",\"email\":\""
                + email
                + "\",\"organisation\":\"Solihull Council\"}");
    assertThat(invited.status()).as(invited.body()).isEqualTo(201);
    ApiClient coordinator = platform.asInvited("kirklees", email);
    assertThat(coordinator.get(CHALLENGES + "/" + challenge).json().getString("you"))
        .isEqualTo("GUEST");
    ApiClient.Result uploaded =
        coordinator.send(
            "POST",
            CHALLENGES
                + "/"
                + challenge
                + "/documents?title=Position%20statement&kind=POSITION_STATEMENT&fileName=position.pdf",
            "application/pdf",
            "%PDF-1.4\n% Solihull's position statement\n");
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    String statement = uploaded.json().getString("id");
    assertThat(
            coordinator
                .send(
                    "POST",
                    CHALLENGES + "/" + challenge + "/documents?title=Page",
                    "text/html",
                    "<script>alert(1)</script>")
                .status())
        .as("never active content")
        .isEqualTo(415);

    // The reading log: the team's own; reading again changes nothing.
    for (int time = 0; time < 2; time++) {
      assertThat(
              expert
                  .put(CHALLENGES + "/" + challenge + "/documents/" + statement + "/read", "")
                  .status())
          .isEqualTo(200);
    }
    assertThat(manager.get(CHALLENGES + "/" + challenge + "/reading-log").structure().asJsonArray())
        .as("one line for the expert, however often they read it")
        .singleElement()
        .satisfies(row -> assertThat(row.asJsonObject().getString("memberId")).isEqualTo(expertId));
    assertThat(coordinator.get(CHALLENGES + "/" + challenge + "/reading-log").status())
        .as("the host does not see who on the team has read what")
        .isEqualTo(404);
    assertThat(
            coordinator
                .put(CHALLENGES + "/" + challenge + "/documents/" + statement + "/read", "")
                .status())
        .isEqualTo(404);

    // The team alike: the same documents for the director and the expert.
    for (ApiClient member : List.of(director, expert)) {
      assertThat(member.get(CHALLENGES + "/" + challenge + "/documents").body())
          .contains("Position statement");
      assertThat(member.get(CHALLENGES + "/" + challenge + "/documents/" + statement).body())
          .startsWith("%PDF-1.4");
    }

    // On site: notes, a finding, triangulation.
    String interview =
        note(
            expert,
            challenge,
            carers,
            "INTERVIEW",
            "Carers said assessments now take two weeks, not eight.");
    String finding =
        created(
            director.post(
                CHALLENGES + "/" + challenge + "/findings",
                "{\"lineId\":\""
                    + carers
                    + "\",\"judgement\":\"STRENGTH\",\"text\":\"Carers' assessments are quicker"
                    + " and carers notice.\",\"notes\":[\""
                    + interview
                    + "\"]}"));
    assertThat(findings(expert, challenge).getJsonObject(0).getBoolean("triangulated"))
        .as("one kind of source")
        .isFalse();
    assertThat(
            expert
                .get(CHALLENGES + "/" + challenge + "/triangulation")
                .json()
                .getJsonArray("notTriangulated")
                .toString())
        .contains(finding);
    String data =
        note(
            director,
            challenge,
            carers,
            "DATA",
            "Waiting times fell from 56 to 14 days this year.");
    assertThat(
            director
                .post(
                    CHALLENGES + "/" + challenge + "/findings/" + finding + "/evidence",
                    "{\"notes\":[\"" + data + "\"]}")
                .json()
                .getBoolean("triangulated"))
        .as("a second kind of source")
        .isTrue();

    // The feedback, co-written; the report, released by the lead peer; the host's action plan.
    String point =
        created(
            expert.post(
                CHALLENGES + "/" + challenge + "/feedback",
                "{\"kind\":\"STRENGTH\",\"text\":\"Carers are assessed quickly.\"}"));
    assertThat(
            director
                .put(
                    CHALLENGES + "/" + challenge + "/feedback/" + point,
                    "{\"text\":\"Carers are assessed within two weeks, and they notice.\"}")
                .status())
        .as("any team member rewords another's point")
        .isEqualTo(200);
    assertThat(coordinator.get(CHALLENGES + "/" + challenge + "/feedback").status())
        .as("the host hears the feedback on the last day")
        .isEqualTo(404);
    for (String step : List.of("PREPARING", "ON_SITE", "FEEDBACK")) {
      ApiClient.Result moved =
          manager.put(CHALLENGES + "/" + challenge + "/status", "{\"status\":\"" + step + "\"}");
      assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }
    assertThat(coordinator.get(CHALLENGES + "/" + challenge + "/feedback").body())
        .contains("within two weeks");
    assertThat(
            expert
                .put(
                    CHALLENGES + "/" + challenge + "/report",
                    "{\"text\":\"Solihull supports carers well; the front door needs work.\"}")
                .status())
        .isEqualTo(200);
    assertThat(coordinator.get(CHALLENGES + "/" + challenge + "/report").status())
        .as("a draft is the team's")
        .isEqualTo(404);
    assertThat(expert.post(CHALLENGES + "/" + challenge + "/report/release", "").status())
        .as("the lead peer releases it")
        .isEqualTo(403);
    assertThat(director.post(CHALLENGES + "/" + challenge + "/report/release", "").status())
        .isEqualTo(200);
    assertThat(coordinator.get(CHALLENGES + "/" + challenge + "/report").body())
        .contains("front door needs work");
    String actionPlan =
        "{\"recommendation\":\"Speed up the front door\",\"action\":\"One phone number for"
            + " carers\",\"owner\":\"Head of adult social care\",\"dueOn\":\""
            + onSite.plusMonths(6)
            + "\"}";
    assertThat(expert.post(CHALLENGES + "/" + challenge + "/actions", actionPlan).status())
        .as("the host owns its plan")
        .isEqualTo(403);
    String action =
        created(coordinator.post(CHALLENGES + "/" + challenge + "/actions", actionPlan));
    assertThat(
            coordinator
                .put(
                    CHALLENGES + "/" + challenge + "/actions/" + action,
                    "{\"status\":\"IN_PROGRESS\",\"progress\":\"Number agreed with the NHS\"}")
                .status())
        .isEqualTo(200);
    assertThat(expert.get(CHALLENGES + "/" + challenge + "/actions").body())
        .as("the team follows the plan to the progress review")
        .contains("IN_PROGRESS");

    // The evidence is the team's only.
    assertThat(
            director
                .post(
                    CHALLENGES + "/" + challenge + "/debriefs",
                    "{\"day\":\"" + onSite + "\",\"text\":\"Follow up the front door tomorrow.\"}")
                .status())
        .isEqualTo(201);
    assertThat(expert.get(CHALLENGES + "/" + challenge + "/debriefs").body())
        .contains("front door tomorrow");
    for (String path : List.of("/evidence", "/findings", "/triangulation", "/debriefs")) {
      assertThat(manager.get(CHALLENGES + "/" + challenge + path).status())
          .as("the manager, not on the team: " + path)
          .isEqualTo(404);
      assertThat(coordinator.get(CHALLENGES + "/" + challenge + path).status())
          .as("the host's coordinator: " + path)
          .isEqualTo(404);
    }
    assertThat(expert.get(CHALLENGES + "/" + challenge + "/evidence").structure().asJsonArray())
        .hasSize(2);
    List<String> tried =
        GuestCheck.seesOnly(
            platform, coordinator, "kirklees", "peer-challenge:challenges", challenge);
    assertThat(tried).contains("GET " + CHALLENGES + "/" + challenge + "/evidence → 404");
    assertThat(
            platform
                .as("solihull", "officer")
                .get("/api/v1/solihull/peer-challenge/challenges/" + challenge)
                .status())
        .as("nothing crosses councils")
        .isEqualTo(404);

    // The pages, without JavaScript: the expert writes a note on a phone; the host sees the
    // challenge's page and nothing of the team's.
    HttpSignIn.Session phone =
        HttpSignIn.signIn(platform.publicUrl(), "kirklees", "kirklees-member", "profile");
    String pages = "/kirklees/peer-challenge/challenge/" + challenge;
    assertThat(page(platform, phone, pages + "/evidence").body()).contains("Save the note");
    HttpResponse<String> posted =
        post(
            platform,
            phone,
            pages + "/evidence",
            "lineId="
                + carers
                + "&sourceType=FOCUS_GROUP&judgement=AREA_TO_CONSIDER"
                + "&text=Carers+in+the+focus+group+did+not+know+who+to+call.");
    assertThat(posted.statusCode()).as(posted.body()).isIn(302, 303);
    assertThat(page(platform, phone, pages + "/evidence").body())
        .contains("did not know who to call");
    HttpResponse<String> refused =
        post(platform, phone, pages + "/evidence", "lineId=&sourceType=&judgement=&text=");
    assertThat(refused.body())
        .as("a refusal shows the page again with each message")
        .contains("choose the line of enquiry")
        .contains("write the note");
    assertThat(page(platform, phone, pages + "/triangulation").body()).contains("Triangulated");
    assertThat(
            post(
                    platform,
                    phone,
                    "/kirklees/profile",
                    "access=HEARING_LOOP&access=QUIET_ROOM&accessNotes=Afternoons+suit+me"
                        + "&consent=no&shareAccess=yes")
                .statusCode())
        .as("the expert shares their access needs on their profile")
        .isIn(302, 303);
    String needs = manager.get(CHALLENGES + "/" + challenge + "/team/access-needs").body();
    assertThat(needs)
        .as("the organiser sees what the expert shares, and only that")
        .contains("A hearing loop", "A quiet room", "Afternoons suit me")
        .contains("\"shared\":false");
    assertThat(expert.get(CHALLENGES + "/" + challenge + "/team/access-needs").status())
        .as("not for the rest of the team")
        .isEqualTo(404);
    HttpSignIn.Session host = HttpSignIn.signIn(platform.publicUrl(), "kirklees", email, "profile");
    assertThat(page(platform, host, pages).body()).contains("Position statement");
    assertThat(page(platform, host, pages + "/evidence").statusCode()).isEqualTo(404);
    HttpResponse<String> uploaded2 =
        multipart(
            platform,
            host,
            pages + "/documents",
            Map.of("documentTitle", "Data pack", "kind", "DATA_PACK"),
            "document",
            "data.csv",
            "text/csv",
            "measure,value\nassessments within 28 days,91%\n");
    assertThat(uploaded2.statusCode()).as(uploaded2.body()).isIn(302, 303);
    assertThat(expert.get(CHALLENGES + "/" + challenge + "/documents").body())
        .as("the host's upload from the page, in the team's library")
        .contains("Data pack");
    HttpSignIn.Session region =
        HttpSignIn.signIn(platform.publicUrl(), "kirklees", "kirklees-officer", "profile");
    HttpResponse<String> setUp =
        post(
            platform,
            region,
            "/kirklees/peer-challenge/",
            "hostCouncil=Dudley+Council&focusQuestion=How+well+do+people+get+help+early%3F"
                + "&scope=Early+help&onSiteFrom=1%2F6%2F2027&onSiteTo=4%2F6%2F2027");
    assertThat(setUp.statusCode()).as(setUp.body()).isIn(302, 303);
    assertThat(setUp.headers().firstValue("Location").orElse("")).contains("/challenge/");
    assertThat(
            post(
                    platform,
                    region,
                    "/kirklees/peer-challenge/",
                    "hostCouncil=&onSiteFrom=32%2F1%2F2027")
                .body())
        .contains("write the focus question", "give the first day on site");
    assertThat(
            post(
                    platform,
                    region,
                    "/kirklees/peer-challenge/",
                    "hostCouncil=Solihull+Council&scope=Carers&focusQuestion=How+well%3F"
                        + "&onSiteFrom=10%2F6%2F2027&onSiteTo=8%2F6%2F2027&reportDueOn=soon")
                .body())
        .as("dates out of order, or not dates")
        .contains("give a real date, like 1/7/2027, or leave it out");
    assertThat(
            post(
                    platform,
                    region,
                    "/kirklees/peer-challenge/",
                    "hostCouncil=Solihull+Council&scope=Carers&focusQuestion=How+well%3F"
                        + "&onSiteFrom=10%2F6%2F2027&onSiteTo=8%2F6%2F2027")
                .body())
        .contains("the last day on site cannot be before the first");
    assertThat(page(platform, host, "/kirklees/peer-challenge/").statusCode()).isEqualTo(404);

    // Paid as equals: each of the expert's days is one record, however often it is recorded.
    for (int day = 0; day < 4; day++) {
      assertThat(
              manager
                  .put(
                      CHALLENGES
                          + "/"
                          + challenge
                          + "/days/"
                          + expertId
                          + "/"
                          + onSite.plusDays(day),
                      "{\"part\":\"ON_SITE\",\"halfDay\":false}")
                  .status())
          .isEqualTo(200);
    }
    manager.put(
        CHALLENGES + "/" + challenge + "/days/" + expertId + "/" + onSite,
        "{\"part\":\"ON_SITE\",\"halfDay\":false}");
    manager.put(
        CHALLENGES + "/" + challenge + "/days/" + directorId + "/" + onSite,
        "{\"part\":\"ON_SITE\",\"halfDay\":false}");
    String managerId = manager.get("/api/v1/kirklees/me").json().getString("id");
    join(manager, challenge, managerId, "EXPERT_BY_EXPERIENCE");
    assertThat(
            manager
                .put(
                    CHALLENGES + "/" + challenge + "/days/" + managerId + "/" + onSite,
                    "{\"part\":\"ON_SITE\",\"halfDay\":false}")
                .status())
        .as("an organiser on the team does not record their own paid day")
        .isEqualTo(403);
    assertThat(participation("kirklees", "peer-challenge:" + challenge))
        .as("the expert's four days on site, and not the director's (a paid officer)")
        .hasSize(4)
        .allMatch(row -> row.startsWith(expertId) && row.endsWith("420 expert-by-experience"));
  }

  @Test
  void aSolihullMemberWhoIsNotAGuestSeesNothingOfTheRegion(Platform platform) throws Exception {
    String region = "/api/v1/west-midlands/peer-challenge/challenges";
    ApiClient.Result created =
        platform
            .as("west-midlands", "officer")
            .post(
                region,
                "{\"hostCouncil\":\"Solihull Council\",\"scope\":\"Carers\",\"focusQuestion\":"
                    + "\"How well are carers supported?\",\"onSiteFrom\":\""
                    + LocalDate.now().plusDays(40)
                    + "\",\"onSiteTo\":\""
                    + LocalDate.now().plusDays(43)
                    + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String challenge = created.json().getString("id");
    for (String role : List.of("member", "officer", "tenant-admin")) {
      ApiClient solihull = platform.as("solihull", role);
      for (String path : List.of("", "/" + challenge, "/" + challenge + "/schedule")) {
        assertThat(solihull.get(region + path).status())
            .as("solihull-" + role + " on the region's " + (path.isEmpty() ? "list" : path))
            .isIn(401, 403, 404);
      }
    }
    HttpSignIn.Session signedIn =
        HttpSignIn.signIn(platform.publicUrl(), "solihull", "solihull-member", "profile");
    HttpResponse<String> regionPage =
        page(platform, signedIn, "/west-midlands/peer-challenge/challenge/" + challenge);
    assertThat(regionPage.statusCode()).as("the region's page").isNotEqualTo(200);
    assertThat(regionPage.body()).doesNotContain("How well are carers supported?");
  }

  @Test
  void aCouncilChoosesTheKindsOfSourceItsNotesMayName(Platform platform) throws Exception {
    ApiClient admin = platform.as("kirklees", "tenant-admin");
    ApiClient manager = platform.as("kirklees", "officer");
    ApiClient expert = platform.as("kirklees", "member");
    String challenge = create(manager, LocalDate.now().plusDays(90));
    String carers = line(manager, challenge, "How well are carers supported?");
    join(
        manager,
        challenge,
        expert.get("/api/v1/kirklees/me").json().getString("id"),
        "EXPERT_BY_EXPERIENCE");
    try {
      ApiClient.Result changed =
          admin.put(
              "/api/v1/kirklees/plugins/peer-challenge",
              "{\"enabled\":true,\"settings\":{\"sourceTypes\":[\"DOCUMENT\",\"INTERVIEW\","
                  + "\"FOCUS_GROUP\",\"DATA\"]}}");
      assertThat(changed.status()).as(changed.body()).isEqualTo(200);
      assertThat(
              Eventually.withinASecond(
                  () ->
                      expert
                              .post(
                                  CHALLENGES + "/" + challenge + "/evidence",
                                  "{\"lineId\":\""
                                      + carers
                                      + "\",\"sourceType\":\"CASE_FILE\",\"judgement\":"
                                      + "\"STRENGTH\",\"text\":\"Plans are up to date.\"}")
                              .status()
                          == 400))
          .as("a kind of source the council does not use")
          .isTrue();
      HttpSignIn.Session phone =
          HttpSignIn.signIn(platform.publicUrl(), "kirklees", "kirklees-member", "profile");
      assertThat(
              page(platform, phone, "/kirklees/peer-challenge/challenge/" + challenge + "/evidence")
                  .body())
          .contains("Focus group")
          .doesNotContain("Case file");
      note(expert, challenge, carers, "INTERVIEW", "Carers know who to call.");
    } finally {
      assertThat(
              admin
                  .put(
                      "/api/v1/kirklees/plugins/peer-challenge",
                      "{\"enabled\":true,\"settings\":{}}")
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void evidencePastItsRetentionDateIsErasedAndTheFindingsKept(Platform platform) {
    ApiClient manager = platform.as("kirklees", "officer");
    ApiClient expert = platform.as("kirklees", "member");
    String expertId = expert.get("/api/v1/kirklees/me").json().getString("id");
    String challenge = create(manager, LocalDate.now().minusYears(2));
    String line = line(manager, challenge, "Safeguarding");
    join(manager, challenge, expertId, "EXPERT_BY_EXPERIENCE");
    String kept = create(manager, LocalDate.now().minusDays(10));
    String keptLine = line(manager, kept, "Safeguarding");
    join(manager, kept, expertId, "EXPERT_BY_EXPERIENCE");
    String old = note(expert, challenge, line, "CASE_FILE", "Plans were reviewed on time.");
    note(expert, kept, keptLine, "CASE_FILE", "Plans were reviewed late.");
    created(
        expert.post(
            CHALLENGES + "/" + challenge + "/findings",
            "{\"lineId\":\""
                + line
                + "\",\"judgement\":\"STRENGTH\",\"text\":\"Reviews happen.\","
                + "\"notes\":[\""
                + old
                + "\"]}"));

    assertThat(
            expert
                .post(
                    CHALLENGES + "/" + challenge + "/debriefs",
                    "{\"day\":\"" + LocalDate.now().minusYears(2) + "\",\"text\":\"Day one.\"}")
                .status())
        .isEqualTo(201);

    platform.runJob("kirklees", "peer-challenge:evidence-retention");

    assertThat(expert.get(CHALLENGES + "/" + challenge + "/debriefs").structure().asJsonArray())
        .as("the debriefs go with the evidence")
        .isEmpty();

    assertThat(expert.get(CHALLENGES + "/" + challenge + "/evidence").structure().asJsonArray())
        .as("two years after the visit, with twelve months' retention")
        .isEmpty();
    assertThat(expert.get(CHALLENGES + "/" + challenge).json().getBoolean("evidenceErased"))
        .isTrue();
    assertThat(findings(expert, challenge).getJsonObject(0).getString("text"))
        .isEqualTo("Reviews happen.");
    assertThat(expert.get(CHALLENGES + "/" + kept + "/evidence").structure().asJsonArray())
        .as("a challenge still within its retention period")
        .hasSize(1);
  }

  private static HttpResponse<String> page(
      Platform platform, HttpSignIn.Session session, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(platform.publicUrl() + path))
                .header("Cookie", session.cookieHeader())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(
      Platform platform, HttpSignIn.Session session, String path, String form) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(platform.publicUrl() + path))
                .header("Cookie", session.cookieHeader())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + session.formToken() + "&" + form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** A file form, its form token first (as the platform asks of every file form). */
  private static HttpResponse<String> multipart(
      Platform platform,
      HttpSignIn.Session session,
      String path,
      Map<String, String> fields,
      String fileField,
      String fileName,
      String type,
      String content)
      throws Exception {
    String boundary = "----peer" + UUID.randomUUID().toString().replace("-", "");
    StringBuilder body = new StringBuilder();
    java.util.function.BiConsumer<String, String> field =
        (name, value) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n");
    field.accept("_csrf", session.formToken());
    fields.forEach(field);
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"")
        .append(fileField)
        .append("\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: ")
        .append(type)
        .append("\r\n\r\n")
        .append(content)
        .append("\r\n--")
        .append(boundary)
        .append("--\r\n");
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(platform.publicUrl() + path))
                .header("Cookie", session.cookieHeader())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String create(ApiClient manager, LocalDate onSite) {
    return created(
        manager.post(
            CHALLENGES,
            "{\"hostCouncil\":\"Solihull Council\",\"scope\":\"Adult social care: carers and the"
                + " front door\",\"focusQuestion\":\"How well does Solihull support unpaid"
                + " carers?\",\"scopingMeetingOn\":\""
                + onSite.minusMonths(5)
                + "\",\"onSiteFrom\":\""
                + onSite
                + "\",\"onSiteTo\":\""
                + onSite.plusDays(3)
                + "\",\"feedbackOn\":\""
                + onSite.plusDays(3)
                + "\"}"));
  }

  private static String line(ApiClient manager, String challenge, String title) {
    return created(
        manager.post(CHALLENGES + "/" + challenge + "/lines", "{\"title\":\"" + title + "\"}"));
  }

  private static ApiClient.Result join(
      ApiClient manager, String challenge, String member, String role) {
    return manager.post(
        CHALLENGES + "/" + challenge + "/team",
        "{\"memberId\":\"" + member + "\",\"role\":\"" + role + "\"}");
  }

  private static String note(
      ApiClient author, String challenge, String line, String source, String text) {
    return created(
        author.post(
            CHALLENGES + "/" + challenge + "/evidence",
            "{\"lineId\":\""
                + line
                + "\",\"sourceType\":\""
                + source
                + "\",\"judgement\":\"STRENGTH\",\"text\":\""
                + text
                + "\"}"));
  }

  private static jakarta.json.JsonArray findings(ApiClient member, String challenge) {
    return member.get(CHALLENGES + "/" + challenge + "/findings").structure().asJsonArray();
  }

  private static String created(ApiClient.Result result) {
    assertThat(result.status()).as(result.body()).isEqualTo(201);
    return result.json().getString("id");
  }

  /** The council's participation records with this reference prefix: member, minutes, role. */
  private static List<String> participation(String council, String prefix) throws Exception {
    try (Connection app =
            DriverManager.getConnection(
                System.getProperty("roundtable.test.db.url"),
                System.getProperty("roundtable.test.db.app-user"),
                System.getProperty("roundtable.test.db.app-password"));
        Statement bind = app.createStatement()) {
      bind.execute("SET app.tenant_id = '" + council + "'");
      try (PreparedStatement query =
          app.prepareStatement(
              "SELECT member_id, duration_minutes, role FROM participation_record"
                  + " WHERE activity_reference LIKE ? AND NOT withdrawn")) {
        query.setString(1, prefix + "%");
        List<String> rows = new ArrayList<>();
        try (ResultSet found = query.executeQuery()) {
          while (found.next()) {
            rows.add(found.getString(1) + " " + found.getInt(2) + " " + found.getString(3));
          }
        }
        return rows;
      }
    }
  }
}
