package org.roundtable.plugins.boards;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.testing.boards.BoardsDriver;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.Mailbox;
import org.roundtable.testkit.Platform;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.testkit.TestServers;

/**
 * The boards plugin assembled into the core (the testkit), against real PostgreSQL, Keycloak and
 * SMTP: a whole board cycle through the API, the per-tenant switch, and isolation.
 */
@PlatformTest(deploy = ObservingListener.class)
class BoardsIT {

  private static final String BOARDS = "/api/v1/solihull/boards/boards";
  private static final String MEETINGS = "/api/v1/solihull/boards/meetings";

  private Platform platform;
  private ApiClient api;
  private ApiClient officer;
  private BoardsDriver boards;

  @BeforeEach
  void signedInMembersOfEachRole(Platform platform) {
    this.platform = platform;
    api = platform.anonymous();
    officer = platform.as("solihull", "officer");
    boards = new BoardsDriver(officer, "solihull");
  }

  @Test
  void aWholeBoardCycleThroughTheApi() throws Exception {
    ApiClient member = platform.as("solihull", "member");
    String memberId = member.get("/api/v1/solihull/me").json().getString("id");
    String chairEmail = "chair." + UUID.randomUUID().toString().substring(0, 8) + "@carers.example";
    String chair = boards.newMember("Chris Chair", chairEmail);
    String officerSeat = boards.newMember("Olu Officer", null);

    ApiClient.Result created =
        officer.post(
            BOARDS,
            "{\"name\":\"Carers Partnership Board\",\"termsOfReference\":\"We shape carers'"
                + " support together.\",\"codeOfConduct\":\"Respect, plain words, no jargon.\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String board = created.json().getString("id");
    boards.seat(board, chair, "chair", true);
    boards.seat(board, memberId, "member", true);
    boards.seat(board, officerSeat, "officer", false);
    JsonObject view = officer.get(BOARDS + "/" + board).json();
    assertThat(view.getInt("currentSeats")).isEqualTo(3);
    assertThat(view.getJsonNumber("livedExperienceSeats").longValue()).isEqualTo(2);
    assertThat(member.post(BOARDS + "/" + board + "/code-of-conduct/acceptance", "").status())
        .isEqualTo(200);

    Instant start = Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    ApiClient.Result scheduled =
        officer.post(
            BOARDS + "/" + board + "/meetings",
            "{\"title\":\"Spring meeting\",\"startsAt\":\""
                + start
                + "\",\"venue\":\"Solihull"
                + " Council House, Manor Square\",\"accessibility\":\"Step-free entrance; hearing"
                + " loop in room 2\"}");
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
    String meeting = scheduled.json().getString("id");
    assertThat(scheduled.json().getJsonArray("agenda")).hasSize(5);
    String ics = calendarSentTo(chairEmail);
    assertThat(ics).contains("BEGIN:VEVENT").contains("UID:" + meeting).contains("Spring meeting");
    ApiClient.Result moved =
        officer.put(
            MEETINGS + "/" + meeting,
            "{\"startsAt\":\""
                + start.plus(1, ChronoUnit.DAYS)
                + "\",\"venue\":\"Solihull Council House, Manor Square\"}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(calendarSentTo(chairEmail, "SEQUENCE:1"))
        .as("members are told when a meeting moves; calendars update the same entry")
        .contains("UID:" + meeting);

    String papers = MEETINGS + "/" + meeting + "/papers";
    ApiClient.Result paper =
        officer.send(
            "POST",
            papers + "?title=Carers%27%20strategy%20draft&fileName=strategy.pdf",
            "application/pdf",
            "%PDF-1.4\n% a tiny test paper\n");
    assertThat(paper.status()).as(paper.body()).isEqualTo(201);
    String strategy = paper.json().getString("id");
    ApiClient.Result easyRead =
        officer.send(
            "POST",
            papers + "?title=Easy%20read&fileName=easy.txt&easyReadOf=" + strategy,
            "text/plain; charset=UTF-8",
            "The council wants to help carers more. This is how.");
    assertThat(easyRead.status()).as(easyRead.body()).isEqualTo(201);
    assertThat(
            officer
                .send("POST", papers + "?title=Page", "text/html", "<script>alert(1)</script>")
                .status())
        .as("never active content")
        .isEqualTo(415);
    assertThat(
            officer
                .send("POST", papers + "?title=Fake", "application/pdf", "<html>not a pdf</html>")
                .status())
        .as("the bytes must be what the type says")
        .isEqualTo(415);
    ApiClient.Result download = member.get(papers + "/" + strategy);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.header("Content-Disposition")).startsWith("attachment");
    assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.body()).startsWith("%PDF-1.4");
    assertThat(officer.get(MEETINGS + "/" + meeting).json().getJsonArray("papers").toString())
        .contains("\"easyReadOf\":\"" + strategy + "\"");

    ApiClient.Result proposed =
        member.post(
            MEETINGS + "/" + meeting + "/agenda", "{\"title\":\"Respite for young carers\"}");
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    List<String> items =
        officer.get(MEETINGS + "/" + meeting).json().getJsonArray("agenda").stream()
            .map(i -> i.asJsonObject().getString("id"))
            .toList();
    List<String> reordered = new java.util.ArrayList<>(items);
    reordered.add(1, reordered.remove(reordered.size() - 1));
    ApiClient.Result ordered =
        officer.put(
            MEETINGS + "/" + meeting + "/agenda/order",
            "{\"itemIds\":[\"" + String.join("\",\"", reordered) + "\"]}");
    assertThat(ordered.status()).as(ordered.body()).isEqualTo(200);
    assertThat(ordered.structure().asJsonArray().getJsonObject(1).getString("title"))
        .isEqualTo("Respite for young carers");

    boards.attend(meeting, chair, "PRESENT");
    boards.attend(meeting, memberId, "REMOTE");
    JsonObject quorum = boards.attend(meeting, officerSeat, "APOLOGIES").getJsonObject("quorum");
    assertThat(quorum.getInt("required")).isEqualTo(2);
    assertThat(quorum.getInt("present")).isEqualTo(2);
    assertThat(quorum.getBoolean("quorate")).isTrue();
    assertThat(participationRecords(meeting)).isEqualTo(2);
    boards.attend(meeting, memberId, "ABSENT");
    assertThat(participationRecords(meeting)).as("corrected with the attendance").isEqualTo(1);
    // Three changes (two recorded, one withdrawn), each observed exactly once by the listener
    // although its first delivery of each broke off half-way and was delivered again.
    assertThat(observedEventsFor(meeting, 3)).containsOnly(1);

    ApiClient.Result declared =
        member.post(
            MEETINGS + "/" + meeting + "/declarations",
            "{\"title\":\"My mother uses the respite service discussed in item 6\"}");
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    ApiClient.Result decided =
        officer.post(
            MEETINGS + "/" + meeting + "/decisions",
            "{\"title\":\"Ask for a young carers' respite pilot\"}");
    assertThat(decided.status()).as(decided.body()).isEqualTo(201);
    JsonObject recorded = officer.get(MEETINGS + "/" + meeting).json();
    assertThat(recorded.getJsonArray("declarations").toString()).contains("respite service");
    assertThat(recorded.getJsonArray("decisions").toString()).contains("respite pilot");
    ApiClient.Result subgroup =
        officer.post(
            BOARDS + "/" + board + "/subgroups",
            "{\"title\":\"Carers' assessment letters\",\"body\":\"Rewrite the letters in"
                + " plain words with carers\"}");
    assertThat(subgroup.status()).as(subgroup.body()).isEqualTo(201);
    ApiClient.Result concluded =
        officer.put(
            BOARDS + "/" + board + "/subgroups/" + subgroup.json().getString("id") + "/outcome",
            "{\"outcome\":\"New letters in use from June\"}");
    assertThat(concluded.status()).as(concluded.body()).isEqualTo(200);
    assertThat(
            officer
                .post(
                    BOARDS + "/" + board + "/achievements",
                    "{\"title\":\"Carers' week stall reached 300 carers\"}")
                .status())
        .isEqualTo(201);
    JsonObject boardNow = officer.get(BOARDS + "/" + board).json();
    assertThat(boardNow.getJsonArray("subgroups").getJsonObject(0).getString("outcome"))
        .isEqualTo("New letters in use from June");
    assertThat(boardNow.getJsonArray("achievements")).hasSize(1);
    assertThat(boardNow.getJsonArray("decisions")).hasSize(1);
    assertThat(member.post(BOARDS + "/" + board + "/achievements", "{\"title\":\"x\"}").status())
        .as("members do not record achievements")
        .isEqualTo(403);
    assertThat(
            officer.put(MEETINGS + "/" + meeting + "/minutes", "{\"text\":\"Agreed.\"}").status())
        .isEqualTo(200);
    assertThat(
            officer
                .post(MEETINGS + "/" + meeting + "/minutes/approval", "")
                .json()
                .getString("minutesStatus"))
        .isEqualTo("APPROVED");
    assertThat(officer.put(MEETINGS + "/" + meeting + "/minutes", "{\"text\":\"x\"}").status())
        .isEqualTo(409);

    String action =
        officer
            .post(
                MEETINGS + "/" + meeting + "/actions",
                "{\"description\":\"Ask the GP federation about carers' health checks\","
                    + "\"owner\":\"Olu Officer\"}")
            .json()
            .getString("id");
    String next =
        officer
            .post(
                BOARDS + "/" + board + "/meetings",
                "{\"title\":\"Summer meeting\",\"startsAt\":\""
                    + start.plus(90, ChronoUnit.DAYS)
                    + "\",\"onlineLink\":\"https://meet.example/board\"}")
            .json()
            .getString("id");
    assertThat(officer.get(MEETINGS + "/" + next).json().getJsonArray("actionLog").toString())
        .as("carried forward to the next meeting")
        .contains(action);
    officer.post(BOARDS + "/" + board + "/actions/" + action + "/done", "");
    assertThat(officer.get(MEETINGS + "/" + next).json().getJsonArray("actionLog")).isEmpty();

    JsonObject mine = member.get("/api/v1/solihull/me/personal-data").json();
    assertThat(mine.getJsonObject("member").getString("id")).isEqualTo(memberId);
    JsonObject boardsData = mine.getJsonObject("plugins").getJsonObject("boards");
    assertThat(boardsData.getJsonArray("seats").toString()).contains("Carers Partnership Board");
    assertThat(boardsData.getJsonArray("declarationsOfInterest").toString())
        .contains("respite service");
    assertThat(boardsData.getJsonArray("attendance").toString()).contains("ABSENT");

    ApiClient outsider = platform.as("solihull", "finance");
    assertThat(outsider.get(BOARDS + "/" + board).status())
        .as("someone not on the board does not see it")
        .isEqualTo(404);
    assertThat(
            member
                .post(BOARDS, "{\"name\":\"x\",\"termsOfReference\":\"x\",\"codeOfConduct\":\"x\"}")
                .status())
        .isEqualTo(403);
  }

  @Test
  void switchedOffForSolihullEveryBoardsEndpointIs404ThereWhileKirkleesWorks() throws Exception {
    String board =
        officer
            .post(
                BOARDS,
                "{\"name\":\"Kept board\",\"termsOfReference\":\"t\",\"codeOfConduct\":\"c\"}")
            .json()
            .getString("id");
    ApiClient admin = platform.as("solihull", "tenant-admin");
    ApiClient kirklees = platform.as("kirklees", "officer");
    try {
      assertThat(admin.put("/api/v1/solihull/plugins/boards", "{\"enabled\":false}").status())
          .isEqualTo(200);
      for (String path :
          List.of(
              BOARDS, BOARDS + "/" + board, BOARDS + "/" + board + "/actions", MEETINGS + "/x")) {
        assertThat(officer.get(path).status()).as(path).isEqualTo(404);
      }
      assertThat(kirklees.get("/api/v1/kirklees/boards/boards").status()).isEqualTo(200);
    } finally {
      assertThat(admin.put("/api/v1/solihull/plugins/boards", "{\"enabled\":true}").status())
          .isEqualTo(200);
    }
    assertThat(officer.get(BOARDS + "/" + board).json().getString("name")).isEqualTo("Kept board");
    assertThat(kirklees.get("/api/v1/kirklees/boards/boards/" + board).status())
        .as("another council's board does not exist here")
        .isEqualTo(404);
    assertThat(kirklees.get(BOARDS).status()).as("a Kirklees token on Solihull").isEqualTo(401);
    assertThat(
            admin
                .put(
                    "/api/v1/solihull/plugins/boards",
                    "{\"enabled\":true,\"settings\":{\"quorumPercent\":0,\"nope\":1}}")
                .body())
        .contains("settings.quorumPercent")
        .contains("settings.nope");
  }

  @Test
  void everyBoardsEndpointIsClosedToAnotherCouncil() throws Exception {
    String board =
        officer
            .post(
                BOARDS, "{\"name\":\"Private\",\"termsOfReference\":\"t\",\"codeOfConduct\":\"c\"}")
            .json()
            .getString("id");
    String meeting =
        officer
            .post(
                BOARDS + "/" + board + "/meetings",
                "{\"title\":\"M\",\"startsAt\":\"2030-01-01T10:00:00Z\",\"venue\":\"Hall\"}")
            .json()
            .getString("id");
    String someone = UUID.randomUUID().toString();
    List<String[]> endpoints =
        List.of(
            new String[] {"GET", "boards/boards"},
            new String[] {"POST", "boards/boards"},
            new String[] {"GET", "boards/boards/" + board},
            new String[] {"POST", "boards/boards/" + board + "/members"},
            new String[] {"POST", "boards/boards/" + board + "/code-of-conduct/acceptance"},
            new String[] {"POST", "boards/boards/" + board + "/meetings"},
            new String[] {"GET", "boards/boards/" + board + "/actions"},
            new String[] {"POST", "boards/boards/" + board + "/actions/" + someone + "/done"},
            new String[] {"GET", "boards/meetings/" + meeting},
            new String[] {"PUT", "boards/meetings/" + meeting},
            new String[] {"POST", "boards/meetings/" + meeting + "/agenda"},
            new String[] {"PUT", "boards/meetings/" + meeting + "/agenda/order"},
            new String[] {"PUT", "boards/meetings/" + meeting + "/attendance/" + someone},
            new String[] {"PUT", "boards/meetings/" + meeting + "/minutes"},
            new String[] {"POST", "boards/meetings/" + meeting + "/minutes/approval"},
            new String[] {"POST", "boards/meetings/" + meeting + "/actions"});
    ApiClient kirklees = platform.as("kirklees", "tenant-admin");
    for (String[] endpoint : endpoints) {
      String what = endpoint[0] + " " + endpoint[1];
      ApiClient.Result onSolihull = call(kirklees, endpoint[0], "/api/v1/solihull/" + endpoint[1]);
      assertThat(onSolihull.status()).as("Kirklees token, Solihull URL: " + what).isEqualTo(401);
      if (endpoint[1].contains(board) || endpoint[1].contains(meeting)) {
        ApiClient.Result onKirklees =
            call(kirklees, endpoint[0], "/api/v1/kirklees/" + endpoint[1]);
        assertThat(onKirklees.status())
            .as("Solihull's ids on Kirklees' URL: " + what)
            .isIn(400, 404);
        assertThat(onKirklees.body()).doesNotContain("Private").doesNotContain("Hall");
      }
    }
  }

  private static ApiClient.Result call(ApiClient client, String method, String path) {
    return method.equals("GET")
        ? client.get(path)
        : client.send(method, path, "application/json", "{}");
  }

  @Test
  void eachCouncilStartsWithTheBoardItsTenantFileSeeds() throws Exception {
    ApiClient kirklees = platform.as("kirklees", "officer");
    assertThat(kirklees.get("/api/v1/kirklees/boards/boards").body())
        .contains("Co-production Board");
    assertThat(officer.get(BOARDS).body()).contains("Carers Partnership Board");
    assertThat(
            TestServers.ownerQuery(
                "SELECT count(*) FROM boards_board WHERE tenant_id = 'solihull'"
                    + " AND terms_of_reference LIKE '%unpaid carers%'"))
        .isEqualTo("1");
  }

  @Test
  void theApplicationWithThePluginIsReadyItsSchemaCurrent() {
    ApiClient.Result ready = api.get("/health/ready");
    assertThat(ready.status()).as(ready.body()).isEqualTo(200);
  }

  @Test
  void bothIsolationLocksHoldForEveryBoardsTable() throws Exception {
    officer.post(
        BOARDS, "{\"name\":\"Isolated\",\"termsOfReference\":\"t\",\"codeOfConduct\":\"c\"}");
    try (Connection app =
        DriverManager.getConnection(
            System.getProperty("roundtable.test.db.url"),
            System.getProperty("roundtable.test.db.app-user"),
            System.getProperty("roundtable.test.db.app-password"))) {
      for (String table :
          List.of(
              "boards_board",
              "boards_membership",
              "boards_meeting",
              "boards_agenda_item",
              "boards_attendance",
              "boards_action",
              "boards_record",
              "boards_paper")) {
        assertThat(count(app, "SELECT count(*) FROM " + table))
            .as(table + " with no tenant")
            .isZero();
        app.setAutoCommit(false);
        try (Statement statement = app.createStatement()) {
          statement.execute("SELECT set_config('app.tenant_id', 'kirklees', true)");
          assertThat(count(app, "SELECT count(*) FROM " + table + " WHERE tenant_id <> 'kirklees'"))
              .as(table + " seen from Kirklees")
              .isZero();
        } finally {
          app.rollback();
          app.setAutoCommit(true);
        }
      }
    }
    // The application's own lock alone: with row-level security off on the boards table,
    // EclipseLink's tenant policy still keeps Solihull's boards from Kirklees.
    String solihullBoard =
        officer
            .post(
                BOARDS,
                "{\"name\":\"Only Solihull\",\"termsOfReference\":\"t\",\"codeOfConduct\":\"c\"}")
            .json()
            .getString("id");
    ApiClient kirklees = platform.as("kirklees", "officer");
    TestServers.ownerSql(
        "ALTER TABLE boards_board NO FORCE ROW LEVEL SECURITY;"
            + " ALTER TABLE boards_board DISABLE ROW LEVEL SECURITY");
    try {
      assertThat(kirklees.get("/api/v1/kirklees/boards/boards").body())
          .doesNotContain("Only Solihull");
      assertThat(kirklees.get("/api/v1/kirklees/boards/boards/" + solihullBoard).status())
          .isEqualTo(404);
    } finally {
      TestServers.ownerSql(
          "ALTER TABLE boards_board ENABLE ROW LEVEL SECURITY;"
              + " ALTER TABLE boards_board FORCE ROW LEVEL SECURITY");
    }
    assertThat(
            Integer.parseInt(
                TestServers.ownerQuery(
                    "SELECT count(*) FROM boards_board WHERE tenant_id = 'solihull'")))
        .isPositive();
  }

  private static int participationRecords(String meeting) throws Exception {
    return Integer.parseInt(
        TestServers.ownerQuery(
            "SELECT count(*) FROM participation_record WHERE tenant_id = 'solihull'"
                + " AND activity_reference = 'boards:meeting:"
                + meeting
                + "' AND NOT withdrawn"));
  }

  /**
   * How many times the test listener observed each distinct event about the meeting, once {@code
   * expected} distinct events have been observed (waiting up to 30 s for delivery).
   */
  private static List<Integer> observedEventsFor(String meeting, int expected) throws Exception {
    String query =
        "SELECT count(*) FROM audit_entry WHERE tenant_id = 'solihull' AND action = 'test.observed'"
            + " AND details LIKE '%boards:meeting:"
            + meeting
            + "' GROUP BY resource_id";
    for (int i = 0; i < 60; i++) {
      List<Integer> counts = new java.util.ArrayList<>();
      try (Connection owner = TestServers.owner();
          Statement statement = owner.createStatement();
          ResultSet rows = statement.executeQuery(query)) {
        while (rows.next()) {
          counts.add(rows.getInt(1));
        }
      }
      if (counts.size() >= expected) {
        return counts;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("The listener did not observe " + expected + " events");
  }

  private static long count(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The .ics attached to the email sent to this address, waiting up to 30 s. */
  private static String calendarSentTo(String address) {
    return calendarSentTo(address, "BEGIN:VCALENDAR");
  }

  /** The first .ics sent to this address that contains {@code text}, waiting up to 30 s. */
  private static String calendarSentTo(String address, String text) {
    return Mailbox.attachmentTo(address, "text/calendar", text);
  }
}
