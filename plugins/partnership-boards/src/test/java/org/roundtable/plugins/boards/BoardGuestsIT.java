package org.roundtable.plugins.boards;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.testing.boards.BoardsDriver;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.GuestCheck;
import org.roundtable.testkit.HttpSignIn;
import org.roundtable.testkit.Mailbox;
import org.roundtable.testkit.Platform;
import org.roundtable.testkit.PlatformTest;

/**
 * A guest of one meeting (a colleague from health presenting an item), invited by email through the
 * council's realm: they see that meeting's time, place, agenda (without its confidential items) and
 * papers, and nothing else of the council, of this plugin or any other, in the API or the pages;
 * until the officer takes the meeting away from them.
 */
@PlatformTest
class BoardGuestsIT {

  private static final String BOARDS = "/api/v1/solihull/boards/boards";
  private static final String MEETINGS = "/api/v1/solihull/boards/meetings";

  @Test
  void aGuestSeesTheirMeetingAndNothingElse(Platform platform) throws Exception {
    ApiClient officer = platform.as("solihull", "officer");
    BoardsDriver boards = new BoardsDriver(officer, "solihull");
    String board = boards.board("Health and Wellbeing Partnership");
    String meeting = meeting(officer, board, "Autumn meeting");
    String other = meeting(officer, board, "Winter meeting");
    String papers = MEETINGS + "/" + meeting + "/papers";
    ApiClient.Result paper =
        officer.send(
            "POST",
            papers + "?title=Hospital%20discharge%20for%20carers&fileName=discharge.pdf",
            "application/pdf",
            "%PDF-1.4\n% a paper the guest presents\n");
    assertThat(paper.status()).as(paper.body()).isEqualTo(201);
    ApiClient.Result secret =
        officer.post(
            MEETINGS + "/" + meeting + "/agenda",
            "{\"title\":\"A carer's complaint\",\"confidential\":true}");
    assertThat(secret.status()).as(secret.body()).isEqualTo(201);

    String email = "presenter." + UUID.randomUUID().toString().substring(0, 8) + "@nhs.example";
    String invitation =
        "{\"fullName\":\"Priya Presenter\",\"email\":\""
            + email
            + "\",\"organisation\":\"NHS Birmingham and Solihull\"}";
    assertThat(
            platform
                .as("solihull", "member")
                .post(MEETINGS + "/" + meeting + "/guests", invitation)
                .status())
        .as("only whoever manages the board invites guests")
        .isEqualTo(403);
    ApiClient.Result invited = officer.post(MEETINGS + "/" + meeting + "/guests", invitation);
    assertThat(invited.status()).as(invited.body()).isEqualTo(201);
    JsonObject listed = invited.structure().asJsonArray().getJsonObject(0);
    assertThat(listed.getString("name")).isEqualTo("Priya Presenter");
    assertThat(listed.getString("organisation")).isEqualTo("NHS Birmingham and Solihull");
    String guestId = listed.getString("memberId");
    assertThat(Mailbox.emailTo(email, "action-token"))
        .as("the invitation is the realm's email, with its set-password link")
        .isNotEmpty();

    ApiClient guest = platform.asInvited("solihull", email);
    JsonObject seen = guest.get(MEETINGS + "/" + meeting).json();
    assertThat(seen.getString("title")).isEqualTo("Autumn meeting");
    assertThat(seen.getString("accessibility")).isEqualTo("Step-free; hearing loop");
    assertThat(seen.getJsonArray("agenda").toString())
        .contains("Welcome")
        .doesNotContain("complaint");
    assertThat(seen.getJsonArray("attendance")).isEmpty();
    assertThat(seen.getJsonArray("papers").toString()).contains("Hospital discharge for carers");
    ApiClient.Result download = guest.get(papers + "/" + paper.json().getString("id"));
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body()).startsWith("%PDF-1.4");

    assertThat(guest.get(MEETINGS + "/" + other).status()).as("another meeting").isEqualTo(404);
    assertThat(guest.get(BOARDS).status()).as("the boards").isEqualTo(404);
    assertThat(guest.get(BOARDS + "/" + board).status()).as("the meeting's board").isEqualTo(404);
    assertThat(guest.get(MEETINGS + "/" + meeting + "/guests").status())
        .as("the other guests")
        .isEqualTo(404);
    assertThat(
            guest
                .post(MEETINGS + "/" + meeting + "/agenda", "{\"title\":\"My own item\"}")
                .status())
        .as("proposing an item is a member's")
        .isEqualTo(404);
    assertThat(guest.get("/api/v1/solihull/members").status()).isEqualTo(403);
    assertThat(
            guest
                .withHeader("Roundtable-Acting-For", guestId)
                .get(MEETINGS + "/" + meeting)
                .status())
        .as("a guest acts for nobody")
        .isEqualTo(403);
    assertThat(guest.get("/api/v1/solihull/me").json().getString("id")).isEqualTo(guestId);
    assertThat(guest.get("/api/v1/kirklees/boards/boards").status())
        .as("another council")
        .isEqualTo(401);
    List<String> tried =
        GuestCheck.seesOnly(platform, guest, "solihull", "boards:meetings", meeting);
    assertThat(tried)
        .as("every read of the API was tried, the core's and the plugins'")
        .contains(
            "GET " + MEETINGS + "/" + meeting + " → 200",
            "GET " + BOARDS + " → 404",
            "GET /api/v1/solihull/members → 403")
        .hasSizeGreaterThan(20);

    HttpSignIn.Session page = HttpSignIn.signIn(platform.publicUrl(), "solihull", email, "profile");
    assertThat(pageStatus(platform, page, "/solihull/boards/"))
        .as("the boards page")
        .isEqualTo(404);
    assertThat(pageStatus(platform, page, "/solihull/boards/meetings/" + other)).isEqualTo(404);

    assertThat(
            platform
                .as("solihull", "tenant-admin")
                .put(
                    "/api/v1/solihull/permissions/boards:boards:read",
                    "{\"roles\":[\"member\",\"officer\",\"tenant-admin\",\"finance\",\"guest\"]}")
                .status())
        .as("no permission is ever granted to guests as a role")
        .isEqualTo(400);

    assertThat(officer.delete(MEETINGS + "/" + meeting + "/guests/" + guestId).status())
        .isEqualTo(204);
    assertThat(guest.get(MEETINGS + "/" + meeting).status())
        .as("the meeting taken away")
        .isEqualTo(404);
  }

  private static String meeting(ApiClient officer, String board, String title) {
    ApiClient.Result scheduled =
        officer.post(
            BOARDS + "/" + board + "/meetings",
            "{\"title\":\""
                + title
                + "\",\"startsAt\":\""
                + Instant.now().plus(21, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS)
                + "\",\"venue\":\"Solihull Council House\",\"accessibility\":\"Step-free;"
                + " hearing loop\"}");
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
    return scheduled.json().getString("id");
  }

  private static int pageStatus(Platform platform, HttpSignIn.Session session, String path)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(platform.publicUrl() + path))
                .header("Cookie", session.cookieHeader())
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
