package org.roundtable.plugins.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.payments.application.FinanceRuns;
import org.roundtable.steps.crypto.FieldEncryption;
import org.roundtable.testing.boards.BoardsDriver;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.testkit.TestRealms;
import org.roundtable.testkit.TestServers;

/**
 * The payments plugin assembled with the boards plugin into the core (the testkit), against real
 * PostgreSQL, Keycloak and SMTP: attendance to claim, the ledger's rules, separation of duties,
 * benefit warnings, and a finance run to its CSV. Each test uses activities in a week of its own,
 * so one test's fees never count towards another's benefit limits.
 */
@PlatformTest
class PaymentsIT {

  private static final String CLAIMS = "/api/v1/solihull/payments/claims";
  private static final String PAYEES = "/api/v1/solihull/payments/payees";
  private static final String RUNS = "/api/v1/solihull/payments/runs";

  private final URL deployment = TestServers.applicationUrl();

  private final TestRealms realms =
      new TestRealms(System.getProperty("roundtable.test.keycloak.url"));
  private ApiClient api;
  private ApiClient officer;
  private ApiClient member;
  private ApiClient finance;
  private String memberId;
  private BoardsDriver boards;

  @BeforeEach
  void signedInMembersOfEachRole() throws Exception {
    realms.ensureTestUsers();
    api = new ApiClient(deployment);
    officer = api.withBearer(realms.login("solihull", "solihull-officer"));
    member = api.withBearer(realms.login("solihull", "solihull-member"));
    finance = api.withBearer(realms.login("solihull", "solihull-finance"));
    boards = new BoardsDriver(officer, "solihull");
    memberId = member.get("/api/v1/solihull/me").json().getString("id");
  }

  @Test
  void attendanceInAPaidRoleIsOneDraftClaimAtTheRateAndFollowsCorrections() throws Exception {
    String board =
        boards.board("Carers Partnership Board " + UUID.randomUUID().toString().substring(0, 6));
    String officerSeat = boards.newMember("Olu Officer", null);
    boards.seat(board, memberId, "member", true);
    boards.seat(board, officerSeat, "officer", false);
    String meeting = meeting(board, weeksAgo(1).atTime(10, 0));
    boards.attend(meeting, memberId, "PRESENT");
    boards.attend(meeting, officerSeat, "PRESENT");

    JsonObject claim = awaitClaim(meeting, c -> true);
    assertThat(claim.getString("status")).isEqualTo("DRAFT");
    // Solihull: £30 an hour, 2 hours plus 30 minutes' preparation.
    assertThat(claim.getJsonNumber("feePence").longValue()).isEqualTo(7500);
    assertThat(claim.getString("fee")).isEqualTo("£75.00");
    assertThat(claim.getString("feeBasis")).contains("2 hours 30 minutes").contains("£30.00");
    assertThat(claimsFor(meeting)).as("an officer's seat is not paid").isEqualTo(1);

    // The same event delivered again (a new outbox row with the same payload): still one claim.
    TestServers.ownerSql(
        "INSERT INTO event_outbox (tenant_id, id, type, payload, occurred_at)"
            + " SELECT tenant_id, gen_random_uuid(), type, payload, now() FROM event_outbox"
            + " WHERE tenant_id = 'solihull' AND type = 'participation.recorded'"
            + " AND payload LIKE '%boards:meeting:"
            + meeting
            + "%'");
    awaitOutboxDone(meeting);
    assertThat(claimsFor(meeting)).as("delivered twice, still one claim").isEqualTo(1);

    // Submitted, then the attendance corrected to absent: cancelled by a reversing entry.
    String id = claim.getString("id");
    assertThat(member.post(CLAIMS + "/" + id + "/submission", "{}").status()).isEqualTo(200);
    boards.attend(meeting, memberId, "ABSENT");
    JsonObject cancelled = awaitClaim(meeting, c -> c.getString("status").equals("CANCELLED"));
    assertThat(cancelled.getJsonNumber("outstandingPence").longValue()).isZero();
    JsonArray lines = member.get(CLAIMS + "/" + id + "/ledger").structure().asJsonArray();
    assertThat(lines.getValuesAs(JsonObject.class))
        .extracting(l -> l.getString("kind") + " " + l.getJsonNumber("feePence"))
        .containsExactly("CHARGE 7500", "REVERSAL -7500");

    // And corrected back to present: the claim is back, as a draft to confirm again.
    boards.attend(meeting, memberId, "REMOTE");
    assertThat(awaitClaim(meeting, c -> c.getString("status").equals("DRAFT")).getString("id"))
        .isEqualTo(id);
    assertThat(reconciliation().getBoolean("reconciled")).isTrue();
  }

  @Test
  void attendanceWhilePaymentsIsSwitchedOffBecomesAClaimWhenItIsSwitchedOnAgain() throws Exception {
    ApiClient admin = api.withBearer(realms.login("solihull", "solihull-tenant-admin"));
    String board = boards.board("Switch board " + UUID.randomUUID().toString().substring(0, 6));
    boards.seat(board, memberId, "member", true);
    String meeting = meeting(board, weeksAgo(2).atTime(13, 0));
    assertThat(admin.put("/api/v1/solihull/plugins/payments", "{\"enabled\":false}").status())
        .isEqualTo(200);
    try {
      assertThat(member.get(CLAIMS).status()).as("its API is gone while off").isEqualTo(404);
      boards.attend(meeting, memberId, "PRESENT");
      awaitOutboxDone(meeting);
      assertThat(claimsFor(meeting)).as("nothing while off").isZero();
    } finally {
      assertThat(admin.put("/api/v1/solihull/plugins/payments", "{\"enabled\":true}").status())
          .isEqualTo(200);
    }
    JsonObject claim = awaitClaim(meeting, c -> true);
    assertThat(claim.getJsonNumber("feePence").longValue()).isEqualTo(7500);
    assertThat(claimsFor(meeting)).isEqualTo(1);
  }

  @Test
  void fiftyConcurrentIdenticalSubmissionsPostOneLedgerEntry() throws Exception {
    String id =
        manualClaim(member, "document-review", "Read the carers' strategy", weeksAgo(3), 0, 2);
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Callable<Integer>> submissions =
          java.util.stream.IntStream.range(0, 50)
              .<Callable<Integer>>mapToObj(
                  i -> () -> member.post(CLAIMS + "/" + id + "/submission", "{}").status())
              .toList();
      List<Integer> statuses = new java.util.ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(submissions)) {
        statuses.add(f.get());
      }
      assertThat(statuses).as("each answered with the submitted claim").containsOnly(200);
    } finally {
      pool.shutdown();
    }
    assertThat(
            TestServers.ownerQuery(
                "SELECT count(*) FROM payments_ledger_entry WHERE claim_id = '" + id + "'"))
        .isEqualTo("1");
    assertThat(member.get(CLAIMS + "/" + id).json().getString("status")).isEqualTo("SUBMITTED");
  }

  @Test
  void theLedgerRefusesUpdateAndDeleteInTheDatabase() throws Exception {
    String id = confirmedClaim(member, "Read the minutes", weeksAgo(3), 1);
    String where = " WHERE claim_id = '" + id + "'";
    try (Connection app =
        DriverManager.getConnection(
            System.getProperty("roundtable.test.db.url"),
            System.getProperty("roundtable.test.db.app-user"),
            System.getProperty("roundtable.test.db.app-password"))) {
      try (Statement s = app.createStatement()) {
        s.execute("SET app.tenant_id = 'solihull'");
        assertThatThrownBy(
                () -> s.executeUpdate("UPDATE payments_ledger_entry SET fee_pence = 1" + where))
            .as("the application's role may not update it")
            .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> s.executeUpdate("DELETE FROM payments_ledger_entry" + where))
            .hasMessageContaining("permission denied");
      }
    }
    for (String change :
        List.of(
            "UPDATE payments_ledger_entry SET fee_pence = 1" + where,
            "DELETE FROM payments_ledger_entry" + where,
            "TRUNCATE payments_ledger_entry CASCADE")) {
      assertThatThrownBy(() -> TestServers.ownerSql(change))
          .as("not even the schema's owner: " + change)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
    assertThat(
            TestServers.ownerQuery(
                "SELECT fee_pence FROM payments_ledger_entry" + where + " AND kind = 'CHARGE'"))
        .isEqualTo("3000");
  }

  @Test
  void nobodyApprovesTheirOwnClaimNorSeesAnothersAndCouncilsAreApart() throws Exception {
    String officersClaim = confirmedClaim(officer, "Easy read check", weeksAgo(4), 1);
    ApiClient.Result own = officer.post(CLAIMS + "/" + officersClaim + "/approval", "");
    assertThat(own.status()).as(own.body()).isEqualTo(403);
    assertThat(own.body()).contains("own claim");

    String membersClaim = confirmedClaim(member, "Survey questions", weeksAgo(4), 1);
    assertThat(member.post(CLAIMS + "/" + membersClaim + "/approval", "").status())
        .as("a claimant cannot approve")
        .isEqualTo(403);
    assertThat(member.get(CLAIMS + "/" + officersClaim).status())
        .as("another member's claim does not exist for them")
        .isEqualTo(404);
    String officerId = officer.get("/api/v1/solihull/me").json().getString("id");
    assertThat(member.get(CLAIMS + "?member=" + officerId).status()).isEqualTo(403);
    assertThat(member.get(CLAIMS).body()).doesNotContain(officersClaim);

    // An officer acting for someone without a sign-in approves nothing while doing so.
    ApiClient actingFor =
        officer.withHeader("Roundtable-Acting-For", boards.newMember("Nia Noemail", null));
    assertThat(actingFor.post(CLAIMS + "/" + membersClaim + "/approval", "").status())
        .isEqualTo(403);
    ApiClient.Result approved = officer.post(CLAIMS + "/" + membersClaim + "/approval", "");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().getString("status")).isEqualTo("APPROVED");

    ApiClient kirkleesFinance = api.withBearer(realms.login("kirklees", "kirklees-finance"));
    assertThat(kirkleesFinance.get("/api/v1/kirklees/payments/claims/" + membersClaim).status())
        .as("Solihull's claim on Kirklees' address")
        .isEqualTo(404);
    assertThat(kirkleesFinance.get(CLAIMS + "/" + membersClaim).status())
        .as("a Kirklees token on Solihull's address")
        .isEqualTo(401);
    assertThat(kirkleesFinance.get("/api/v1/kirklees/payments/claims?status=APPROVED").body())
        .doesNotContain(membersClaim);
  }

  @Test
  void theWholeQueueIsApprovedAsShownAndNeverWithTheApproversOwnClaims() throws Exception {
    String membersClaim = confirmedClaim(member, "Read the carers' survey", weeksAgo(5), 2);
    String officersClaim = confirmedClaim(officer, "Checked the easy read", weeksAgo(5), 1);

    JsonObject shown = officer.get(CLAIMS + "/approvals/queue").json();
    long claims = shown.getJsonNumber("claims").longValue();
    long total = shown.getJsonNumber("totalPence").longValue();
    assertThat(claims).as("the member's claim waits for the officer").isPositive();
    assertThat(shown.getJsonNumber("forAnotherApprover").longValue())
        .as("the officer's own claim waits for someone else")
        .isPositive();
    assertThat(member.get(CLAIMS + "/approvals/queue").status()).isEqualTo(403);
    ApiClient actingFor =
        officer.withHeader("Roundtable-Acting-For", boards.newMember("Ola Noemail", null));
    assertThat(actingFor.post(CLAIMS + "/approvals/queue", body(claims, total)).status())
        .isEqualTo(403);

    ApiClient.Result changed = officer.post(CLAIMS + "/approvals/queue", body(claims, total + 1));
    assertThat(changed.status()).as(changed.body()).isEqualTo(409);
    assertThat(changed.json().getString("detail")).contains("changed since you looked");
    assertThat(status(officer, membersClaim)).as("nothing approved").isEqualTo("SUBMITTED");
    assertThat(officer.post(CLAIMS + "/approvals/queue", "{\"claims\":-1}").status())
        .isEqualTo(400);

    ApiClient.Result approved = officer.post(CLAIMS + "/approvals/queue", body(claims, total));
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().getJsonNumber("claims").longValue()).isEqualTo(claims);
    assertThat(status(officer, membersClaim)).isEqualTo("APPROVED");
    assertThat(status(officer, officersClaim)).isEqualTo("SUBMITTED");
    assertThat(officer.get(CLAIMS + "/approvals/queue").json().getJsonNumber("claims").longValue())
        .isZero();
    assertThat(
            TestServers.ownerQuery(
                "SELECT count(*) FROM audit_entry WHERE tenant_id = 'solihull'"
                    + " AND action = 'payments.claims.approved' AND resource_type = 'approver'"
                    + " AND details LIKE '"
                    + claims
                    + (claims == 1 ? " claim" : " claims")
                    + " of %'"))
        .as("one audit entry names the batch")
        .isEqualTo("1");
    assertThat(secondOfficer().post(CLAIMS + "/" + officersClaim + "/approval", "").status())
        .isEqualTo(200);
  }

  /** A claim for reading documents, made by hand and confirmed by (or for) its person. */
  private String confirmedClaim(ApiClient who, String title, LocalDate day, int documents) {
    String id = manualClaim(who, "document-review", title, day, 0, documents);
    assertThat(who.post(CLAIMS + "/" + id + "/submission", "{}").status()).isEqualTo(200);
    return id;
  }

  private static String body(long claims, long totalPence) {
    return "{\"claims\":" + claims + ",\"totalPence\":" + totalPence + "}";
  }

  private static String status(ApiClient who, String claim) {
    return who.get(CLAIMS + "/" + claim).json().getString("status");
  }

  @Test
  void oneOfficerCannotPayThemselvesThroughSomeoneWithoutASignIn() throws Exception {
    // An officer adds a person without email and acts for them...
    String nia = boards.newMember("Nia Noemail", null);
    ApiClient forNia = officer.withHeader("Roundtable-Acting-For", nia);
    // ...puts the officer's own bank details on that person (allowed: but flagged)...
    ApiClient.Result bank =
        forNia.put(
            PAYEES + "/me/bank-details",
            "{\"accountName\":\"O Fficer\",\"sortCode\":\"11-22-33\","
                + "\"accountNumber\":\"44556677\"}");
    assertThat(bank.status()).as(bank.body()).isEqualTo(200);
    // ...files claims for them...
    String claim = confirmedClaim(forNia, "Leaflet check", weeksAgo(6), 2);

    // ...stops acting and approves: refused, in plain words.
    ApiClient.Result approval = officer.post(CLAIMS + "/" + claim + "/approval", "");
    assertThat(approval.status()).isEqualTo(403);
    assertThat(approval.json().getString("detail"))
        .contains("acted for the person")
        .contains("another approver");
    ApiClient.Result inBulk =
        officer.post(CLAIMS + "/approvals", "{\"claimIds\":[\"" + claim + "\"]}");
    assertThat(inBulk.status()).as("the same rule in bulk").isEqualTo(403);

    // Another approver may approve; the run still cannot pay details one person set for another.
    assertThat(secondOfficer().post(CLAIMS + "/" + claim + "/approval", "").status())
        .isEqualTo(200);
    ApiClient.Result created = finance.post(RUNS, "");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String run = created.json().getString("id");
    CSVRecord line = lineOf(finance.get(RUNS + "/" + run + "/csv").body(), claim);
    assertThat(line.get("bank_details_check")).isEqualTo("confirm before paying");
    String today = "{\"paidOn\":\"" + LocalDate.now(UkTime.ZONE) + "\"}";
    ApiClient.Result unpaid = finance.post(RUNS + "/" + run + "/payment", today);
    assertThat(unpaid.status()).isEqualTo(409);
    assertThat(unpaid.json().getString("detail")).contains("a second person");

    // The officer who set them cannot confirm them; finance, a second person, does.
    String confirm = PAYEES + "/" + nia + "/bank-details/confirmation";
    ApiClient.Result bySetter = officer.post(confirm, "");
    assertThat(bySetter.status()).isEqualTo(403);
    assertThat(bySetter.json().getString("detail")).contains("not the person who set them");
    assertThat(finance.post(confirm, "").status()).isEqualTo(200);
    assertThat(
            lineOf(finance.get(RUNS + "/" + run + "/csv").body(), claim).get("bank_details_check"))
        .isEmpty();
    confirmEveryBankChangeIn(run);
    assertThat(finance.post(RUNS + "/" + run + "/payment", today).status()).isEqualTo(200);
  }

  @Test
  void anOfficersExportOfACarerLeavesOutTheBenefitDetailsTheyDidNotShare() throws Exception {
    assertThat(
            member
                .put(
                    PAYEES + "/me/benefit-awareness",
                    "{\"benefitAwareness\":true,\"limits\":[\"carers-allowance\"],"
                        + "\"shareWithOfficer\":false}")
                .status())
        .isEqualTo(200);

    JsonObject own =
        member
            .get("/api/v1/solihull/me/personal-data")
            .json()
            .getJsonObject("plugins")
            .getJsonObject("payments")
            .getJsonObject("paymentChoices");
    JsonObject officers =
        officer
            .get("/api/v1/solihull/members/" + memberId + "/personal-data")
            .json()
            .getJsonObject("plugins")
            .getJsonObject("payments")
            .getJsonObject("paymentChoices");

    assertThat(own.getString("benefitLimits")).isEqualTo("carers-allowance");
    assertThat(own.getBoolean("benefitAwareness")).isTrue();
    assertThat(officers).doesNotContainKeys("benefitLimits", "benefitAwareness");
    assertThat(officers.getBoolean("shareWarningsWithOfficer")).isFalse();
  }

  /**
   * Finance, a second person, confirms the bank details of everyone in a run who changed theirs
   * lately (other tests of this class set the member's own).
   */
  private void confirmEveryBankChangeIn(String run) throws Exception {
    for (CSVRecord line :
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new java.io.StringReader(finance.get(RUNS + "/" + run + "/csv").body()))) {
      if (!line.get("bank_details_check").isEmpty()) {
        String person =
            finance.get(CLAIMS + "/" + line.get("claim_id")).json().getString("memberId");
        assertThat(finance.post(PAYEES + "/" + person + "/bank-details/confirmation", "").status())
            .isEqualTo(200);
      }
    }
  }

  /** Another officer of Solihull: a second person for separation of duties. */
  private ApiClient secondOfficer() throws Exception {
    TestServers.keycloak()
        .ensureUser("solihull", "solihull-officer-2", "officer", TestRealms.PASSWORD);
    return api.withBearer(realms.login("solihull", "solihull-officer-2"));
  }

  @Test
  void aCarerNearTheCarersAllowanceLimitIsWarnedBeforeConfirmingAndExpensesNeverCount()
      throws Exception {
    try {
      carerNearTheLimit();
    } finally {
      member.put(PAYEES + "/me/benefit-awareness", "{\"benefitAwareness\":false}");
    }
  }

  private void carerNearTheLimit() throws Exception {
    JsonObject optIn =
        member
            .put(
                PAYEES + "/me/benefit-awareness",
                "{\"benefitAwareness\":true,\"limits\":[\"carers-allowance\"],"
                    + "\"shareWithOfficer\":true}")
            .json();
    assertThat(optIn.getBoolean("benefitAwareness")).isTrue();
    LocalDate monday = weeksAgo(6);
    // £30 a document in Solihull; the limit from 6 April 2026 is £204 a week.
    String first = manualClaim(member, "document-review", "Strategy", monday, 0, 5);
    assertThat(member.post(CLAIMS + "/" + first + "/submission", "{}").status())
        .as("£150: within the limit, no warning")
        .isEqualTo(200);
    String second = manualClaim(member, "document-review", "Leaflet", monday.plusDays(1), 0, 1);
    ApiClient.Result mileage =
        member.post(
            CLAIMS + "/" + second + "/expenses",
            "{\"kind\":\"mileage\",\"description\":\"Drive to the library and back\","
                + "\"miles\":100}");
    assertThat(mileage.status()).as(mileage.body()).isEqualTo(201);
    assertThat(mileage.json().getJsonNumber("amountPence").longValue()).isEqualTo(4500);
    ApiClient.Result withExpenses = member.post(CLAIMS + "/" + second + "/submission", "{}");
    assertThat(withExpenses.status())
        .as("£180 of fees and £45 of mileage: the expenses do not count")
        .isEqualTo(200);

    String third = manualClaim(member, "document-review", "Survey", monday.plusDays(2), 0, 1);
    ApiClient.Result warned = member.post(CLAIMS + "/" + third + "/submission", "{}");
    assertThat(warned.status()).as(warned.body()).isEqualTo(409);
    assertThat(warned.contentType()).startsWith("application/problem+json");
    JsonObject warning = warned.json().getJsonArray("warnings").getJsonObject(0);
    assertThat(warning.getString("limit")).isEqualTo("carers-allowance");
    assertThat(warning.getJsonNumber("limitPence").longValue()).isEqualTo(20400);
    assertThat(warning.getJsonNumber("otherFeesPence").longValue()).isEqualTo(18000);
    assertThat(warning.getJsonNumber("highestFeeWithinPence").longValue()).isEqualTo(2400);
    assertThat(warning.getJsonArray("options").toString())
        .contains("VOUCHERS", "LOWER_AMOUNT", "DECLINE");
    assertThat(warning.getString("advice")).contains("welfare rights");
    assertThat(warning.getString("message")).contains("not advice");
    assertThat(member.get(CLAIMS + "/" + third).json().getString("status"))
        .as("nothing submitted until they choose")
        .isEqualTo("DRAFT");
    assertThat(officer.get(CLAIMS + "/" + third).json().getJsonArray("benefitWarnings"))
        .as("shared with their officer, with their consent")
        .hasSize(1);

    // Vouchers do not count in Solihull: confirming with vouchers crosses nothing.
    assertThat(
            member
                .put(CLAIMS + "/" + third + "/choice", "{\"method\":\"VOUCHER\"}")
                .json()
                .getJsonArray("benefitWarnings"))
        .isEmpty();
    assertThat(member.post(CLAIMS + "/" + third + "/submission", "{}").status()).isEqualTo(200);

    // The figure in force on the activity's day: £196 before 6 April 2026.
    String lastYear =
        manualClaim(member, "document-review", "Old", LocalDate.of(2026, 3, 31), 0, 7);
    JsonObject before = member.post(CLAIMS + "/" + lastYear + "/submission", "{}").json();
    assertThat(
            before
                .getJsonArray("warnings")
                .getJsonObject(0)
                .getJsonNumber("limitPence")
                .longValue())
        .isEqualTo(19600);

    // A figure an operator adds from next April applies from next April only.
    LocalDate nextApril = nextApril();
    realms.ensureTestOperator();
    ApiClient operator = api.withBearer(realms.login(TestRealms.OPERATORS, "operator"));
    ApiClient.Result added =
        operator.put(
            "/api/v1/platform/benefit-limits/carers-allowance/" + nextApril,
            "{\"name\":\"Carer's Allowance earnings limit\",\"period\":\"WEEK\","
                + "\"amountPence\":10000,\"note\":\"test figure\"}");
    assertThat(added.status()).as(added.body()).isIn(200, 201);
    String check = PAYEES + "/me/benefit-check";
    assertThat(
            member
                .post(check, "{\"date\":\"" + nextApril.plusDays(7) + "\",\"feePence\":15000}")
                .structure()
                .asJsonArray())
        .as("£150 in a week after next April crosses the new £100")
        .hasSize(1);
    assertThat(
            member
                .post(check, "{\"date\":\"" + nextApril.minusDays(7) + "\",\"feePence\":15000}")
                .structure()
                .asJsonArray())
        .as("the same £150 a week before it does not")
        .isEmpty();
  }

  @Test
  void financeExportsARunAsACsvThatOpensAsExpectedThenMarksItPaid() throws Exception {
    // Pat has no sign-in: their officer claims for them, shown and audited as on their behalf.
    String email = "pat." + UUID.randomUUID().toString().substring(0, 8) + "@carers.example";
    String pat = boards.newMember("Pat Payee", email);
    ApiClient forPat = officer.withHeader("Roundtable-Acting-For", pat);
    String title = "=HYPERLINK(\\\"http://evil.example\\\")";
    String id = manualClaim(forPat, "document-review", title, weeksAgo(8), 0, 3);
    assertThat(
            forPat
                .put(
                    CLAIMS + "/" + id + "/choice",
                    "{\"method\":\"CHARITY\",\"charity\":\"+Carers Trust\"}")
                .status())
        .isEqualTo(200);
    ApiClient.Result fare =
        forPat.post(
            CLAIMS + "/" + id + "/expenses",
            "{\"kind\":\"travel-fare\",\"description\":\"Bus there and back\","
                + "\"amountPence\":650}");
    assertThat(fare.status()).as(fare.body()).isEqualTo(201);
    String receipt = CLAIMS + "/" + id + "/expenses/" + fare.json().getString("id") + "/receipt";
    ApiClient.Result needsReceipt = forPat.post(CLAIMS + "/" + id + "/submission", "{}");
    assertThat(needsReceipt.status()).as("over £5 needs a receipt in Solihull").isEqualTo(409);
    assertThat(needsReceipt.json().getString("detail")).contains("receipt");
    assertThat(
            forPat
                .send("PUT", receipt + "?fileName=bus.pdf", "application/pdf", "<html>no</html>")
                .status())
        .as("the bytes must be what the type says")
        .isEqualTo(415);
    assertThat(
            forPat
                .send("PUT", receipt + "?fileName=bus.pdf", "application/pdf", "%PDF-1.4\n%\n")
                .status())
        .isEqualTo(204);
    assertThat(forPat.post(CLAIMS + "/" + id + "/submission", "{}").status()).isEqualTo(200);
    assertThat(
            TestServers.ownerQuery(
                "SELECT count(*) FROM audit_entry WHERE tenant_id = 'solihull'"
                    + " AND action = 'payments.claim.submitted' AND resource_id = '"
                    + id
                    + "' AND on_behalf_of = '"
                    + pat
                    + "'"))
        .isEqualTo("1");
    ApiClient.Result byTheSameOfficer = officer.post(CLAIMS + "/" + id + "/approval", "");
    assertThat(byTheSameOfficer.status())
        .as("the officer made the claim for Pat: someone else approves it")
        .isEqualTo(403);
    assertThat(secondOfficer().post(CLAIMS + "/" + id + "/approval", "").status()).isEqualTo(200);
    assertThat(mailTo(email, "approved")).contains("Dear Pat Payee");

    ApiClient.Result created = finance.post(RUNS, "");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String run = created.json().getString("id");
    ApiClient.Result csv = finance.get(RUNS + "/" + run + "/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(finance.get(RUNS + "/" + run + "/csv").body())
        .as("the same run exports the same file")
        .isEqualTo(csv.body());
    CSVRecord line = lineOf(csv.body(), id);
    assertThat(line.get("payee_name")).isEqualTo("Pat Payee");
    assertThat(line.get("fee")).isEqualTo("90.00");
    assertThat(line.get("expenses")).isEqualTo("6.50");
    assertThat(line.get("total")).isEqualTo("96.50");
    assertThat(line.get("payment_method")).isEqualTo("CHARITY");
    assertThat(line.get("activity"))
        .as("a formula is text")
        .isEqualTo("'" + "=HYPERLINK(\"http://evil.example\")");
    assertThat(line.get("charity")).isEqualTo("'+Carers Trust");
    assertThat(line.get("activity_date")).matches("\\d\\d/\\d\\d/\\d{4}");

    // Voided and made again: the claim is in the new run, not lost.
    assertThat(finance.post(RUNS + "/" + run + "/void", "").json().getString("status"))
        .isEqualTo("VOID");
    String again = finance.post(RUNS, "").json().getString("id");
    lineOf(finance.get(RUNS + "/" + again + "/csv").body(), id);
    confirmEveryBankChangeIn(again);
    ApiClient.Result paid =
        finance.post(
            RUNS + "/" + again + "/payment", "{\"paidOn\":\"" + LocalDate.now(UkTime.ZONE) + "\"}");
    assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    JsonObject claim = forPat.get(CLAIMS + "/" + id).json();
    assertThat(claim.getString("status")).isEqualTo("PAID");
    assertThat(claim.getJsonNumber("outstandingPence").longValue()).isZero();
    assertThat(mailTo(email, "on its way")).contains("£96.50");
    assertThat(reconciliation().getBoolean("reconciled")).isTrue();

    LocalDate today = LocalDate.now(UkTime.ZONE);
    int taxYear =
        today.isBefore(LocalDate.of(today.getYear(), 4, 6)) ? today.getYear() - 1 : today.getYear();
    JsonObject statement = forPat.get("/api/v1/solihull/payments/statements/me/" + taxYear).json();
    assertThat(statement.getJsonNumber("feesPence").longValue()).isEqualTo(9000);
    assertThat(statement.getJsonNumber("feesToCharityPence").longValue()).isEqualTo(9000);
    assertThat(statement.getJsonNumber("expensesPence").longValue()).isEqualTo(650);
    ApiClient.Result statementCsv =
        forPat.get("/api/v1/solihull/payments/statements/me/" + taxYear + "/csv");
    assertThat(statementCsv.status()).isEqualTo(200);
    assertThat(statementCsv.body()).startsWith("paid_on,activity_date").contains("90.00");

    JsonObject daysToPay = finance.get("/api/v1/solihull/payments/reports/days-to-pay").json();
    assertThat(daysToPay.getJsonNumber("paidClaims").longValue()).isPositive();
    assertThat(daysToPay.getJsonNumber("longestDays").longValue()).isGreaterThanOrEqualTo(56);
    assertThat(finance.get("/api/v1/solihull/payments/reports/spend?by=activity-type").body())
        .contains("document-review");
  }

  /**
   * The text of the first email to an address whose subject contains a phrase (waits up to 30 s).
   */
  private static String mailTo(String address, String subject) throws Exception {
    for (int i = 0; i < 60; i++) {
      for (jakarta.mail.internet.MimeMessage message : TestServers.mail().getReceivedMessages()) {
        if (message.getAllRecipients()[0].toString().equals(address)
            && message.getSubject().contains(subject)) {
          return String.valueOf(message.getContent());
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("No email to " + address + " about " + subject);
  }

  @Test
  void aClaimCorrectedWhileInARunLeavesItAndTheRunCannotBePaidAsItWas() throws Exception {
    String board = boards.board("Run board " + UUID.randomUUID().toString().substring(0, 6));
    boards.seat(board, memberId, "member", true);
    String meeting = meeting(board, weeksAgo(10).atTime(10, 0));
    boards.attend(meeting, memberId, "PRESENT");
    String id = awaitClaim(meeting, c -> true).getString("id");
    assertThat(member.post(CLAIMS + "/" + id + "/submission", "{}").status()).isEqualTo(200);
    assertThat(officer.post(CLAIMS + "/" + id + "/approval", "").status()).isEqualTo(200);
    String run = finance.post(RUNS, "").json().getString("id");
    lineOf(finance.get(RUNS + "/" + run + "/csv").body(), id);

    boards.attend(meeting, memberId, "ABSENT");
    awaitClaim(meeting, c -> c.getString("status").equals("CANCELLED"));
    ApiClient.Result paid =
        finance.post(
            RUNS + "/" + run + "/payment", "{\"paidOn\":\"" + LocalDate.now(UkTime.ZONE) + "\"}");
    assertThat(paid.status()).as("the file no longer says what the claim says").isEqualTo(409);
    assertThat(paid.json().getString("detail")).contains("void the run");
    assertThat(
            TestServers.ownerQuery(
                "SELECT count(*) FROM payments_ledger_entry WHERE kind = 'PAYMENT'"
                    + " AND run_id = '"
                    + run
                    + "'"))
        .as("nothing paid")
        .isEqualTo("0");
    assertThat(finance.post(RUNS + "/" + run + "/void", "").status()).isEqualTo(200);
    assertThat(reconciliation().getBoolean("reconciled")).isTrue();
  }

  @Test
  void bankDetailsAreSealedMaskedAndEveryViewIsAudited() throws Exception {
    ApiClient.Result saved =
        member.put(
            PAYEES + "/me/bank-details",
            "{\"accountName\":\"S Member\",\"sortCode\":\"12-34-56\",\"accountNumber\":\"31926819\"}");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.body()).doesNotContain("31926819").contains("••••6819");
    assertThat(
            TestServers.ownerQuery(
                "SELECT bank_details_sealed FROM payments_payee WHERE member_id = '"
                    + memberId
                    + "'"))
        .startsWith("v2:")
        .doesNotContain("31926819");
    assertThat(officer.get(PAYEES + "/" + memberId + "/bank-details").status())
        .as("finance only")
        .isEqualTo(403);
    ApiClient.Result revealed = finance.get(PAYEES + "/" + memberId + "/bank-details");
    assertThat(revealed.status()).isEqualTo(200);
    assertThat(revealed.json().getString("accountNumber")).isEqualTo("31926819");
    assertThat(
            Integer.parseInt(
                TestServers.ownerQuery(
                    "SELECT count(*) FROM audit_entry WHERE tenant_id = 'solihull'"
                        + " AND action = 'payments.payee.bank-details-viewed'"
                        + " AND resource_id = '"
                        + memberId
                        + "'")))
        .isPositive();
    assertThat(
            member
                .put(
                    PAYEES + "/me/bank-details",
                    "{\"accountName\":\"S\",\"sortCode\":\"12\",\"accountNumber\":\"1\"}")
                .json()
                .getString("detail"))
        .contains("sort code");
  }

  @Test
  void bankDetailsSealedBeforeValuesWereBoundOpenAfterResealingAndMovedOnesDoNot()
      throws Exception {
    String officerId = officer.get("/api/v1/solihull/me").json().getString("id");
    assertThat(
            member
                .put(
                    PAYEES + "/me/bank-details",
                    "{\"accountName\":\"S Member\",\"sortCode\":\"20-00-00\","
                        + "\"accountNumber\":\"55779911\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            officer
                .put(
                    PAYEES + "/me/bank-details",
                    "{\"accountName\":\"Officer\",\"sortCode\":\"40-00-00\","
                        + "\"accountNumber\":\"12121212\"}")
                .status())
        .isEqualTo(200);
    FieldEncryption testKey = TestServers.dataKey();
    String details = testKey.open(sealedBankDetails(memberId), bankDetailsOf(memberId));
    // As values were sealed before they were bound to their row (format v1).
    TestServers.ownerSql(
        "UPDATE payments_payee SET bank_details_sealed = '"
            + testKey.sealUnbound(details)
            + "' WHERE member_id = '"
            + memberId
            + "'");
    assertThat(
            finance
                .get(PAYEES + "/" + memberId + "/bank-details")
                .json()
                .getString("accountNumber"))
        .isEqualTo("55779911");

    realms.ensureTestOperator();
    assertThat(
            api.withBearer(realms.login(TestRealms.OPERATORS, "operator"))
                .post("/api/v1/platform/resealing", "")
                .status())
        .isEqualTo(202);

    String resealed = sealedBankDetails(memberId);
    for (int i = 0; i < 100 && !resealed.startsWith("v2:"); i++) {
      Thread.sleep(100);
      resealed = sealedBankDetails(memberId);
    }
    assertThat(resealed).startsWith("v2:test:");
    assertThat(testKey.open(resealed, bankDetailsOf(memberId))).isEqualTo(details);
    assertThat(
            finance
                .get(PAYEES + "/" + memberId + "/bank-details")
                .json()
                .getString("accountNumber"))
        .isEqualTo("55779911");

    // Someone with the database copies the member's sealed details onto the officer's row.
    TestServers.ownerSql(
        "UPDATE payments_payee SET bank_details_sealed = '"
            + resealed
            + "' WHERE member_id = '"
            + officerId
            + "'");
    ApiClient.Result moved = finance.get(PAYEES + "/" + officerId + "/bank-details");
    assertThat(moved.status()).as(moved.body()).isEqualTo(409);
    assertThat(moved.json().getString("detail"))
        .contains("not sealed for this person's record")
        .doesNotContain("55779911");
  }

  private static String sealedBankDetails(String member) throws Exception {
    return TestServers.ownerQuery(
        "SELECT bank_details_sealed FROM payments_payee WHERE member_id = '" + member + "'");
  }

  private static FieldEncryption.Place bankDetailsOf(String member) {
    return new FieldEncryption.Place("solihull", "payments_payee.bank_details_sealed", member);
  }

  @Test
  void bothIsolationLocksHoldForEveryPaymentsTable() throws Exception {
    manualClaim(member, "document-review", "Isolated", weeksAgo(9), 0, 1);
    try (Connection app =
        DriverManager.getConnection(
            System.getProperty("roundtable.test.db.url"),
            System.getProperty("roundtable.test.db.app-user"),
            System.getProperty("roundtable.test.db.app-password"))) {
      for (String table :
          List.of(
              "payments_payee",
              "payments_claim",
              "payments_expense",
              "payments_receipt",
              "payments_run",
              "payments_run_line",
              "payments_ledger_entry")) {
        try (Statement s = app.createStatement()) {
          var rows = s.executeQuery("SELECT count(*) FROM " + table);
          rows.next();
          assertThat(rows.getInt(1)).as(table + " with no tenant").isZero();
        }
      }
    }
    ApiClient.Result bad = member.post(CLAIMS, "{\"activityType\":\"document-review\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("activityTitle").doesNotContain("Exception");
    ApiClient.Result unpaid =
        member.post(
            CLAIMS,
            "{\"activityType\":\"gardening\",\"activityTitle\":\"x\",\"activityDate\":\""
                + weeksAgo(9)
                + "\",\"minutes\":60}");
    assertThat(unpaid.status()).isEqualTo(400);
    assertThat(unpaid.json().getString("detail")).contains("does not pay");
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static LocalDate weeksAgo(int weeks) {
    return LocalDate.now(UkTime.ZONE)
        .minusWeeks(weeks)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static LocalDate nextApril() {
    LocalDate today = LocalDate.now(UkTime.ZONE);
    LocalDate april = LocalDate.of(today.getYear(), 4, 6);
    return april.isAfter(today) ? april : april.plusYears(1);
  }

  private String manualClaim(
      ApiClient who, String type, String title, LocalDate day, int minutes, int documents) {
    ApiClient.Result created =
        who.post(
            CLAIMS,
            "{\"activityType\":\""
                + type
                + "\",\"activityTitle\":\""
                + title
                + "\",\"activityDate\":\""
                + day
                + "\",\"minutes\":"
                + minutes
                + ",\"documents\":"
                + documents
                + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getString("id");
  }

  private JsonObject reconciliation() {
    return finance.get("/api/v1/solihull/payments/ledger/reconciliation").json();
  }

  private static CSVRecord lineOf(String csv, String claimId) throws Exception {
    try (CSVParser parser =
        CSVParser.parse(
            new StringReader(csv),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      assertThat(parser.getHeaderNames()).containsExactlyElementsOf(FinanceRuns.COLUMNS);
      return parser.getRecords().stream()
          .filter(r -> r.get("claim_id").equals(claimId))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no line for " + claimId + " in\n" + csv));
    }
  }

  private String meeting(String board, java.time.LocalDateTime ukTime) {
    return boards.meeting(
        board, ukTime.atZone(UkTime.ZONE).toInstant().truncatedTo(ChronoUnit.MINUTES));
  }

  private static int claimsFor(String meeting) throws SQLException {
    return Integer.parseInt(
        TestServers.ownerQuery(
            "SELECT count(*) FROM payments_claim WHERE tenant_id = 'solihull'"
                + " AND activity_reference = 'boards:meeting:"
                + meeting
                + "'"));
  }

  /**
   * The member's claim for a meeting once it satisfies a condition (events arrive after commit).
   */
  private JsonObject awaitClaim(String meeting, Predicate<JsonObject> condition) throws Exception {
    for (int i = 0; i < 60; i++) {
      String id =
          TestServers.ownerQuery(
              "SELECT id FROM payments_claim WHERE tenant_id = 'solihull'"
                  + " AND activity_reference = 'boards:meeting:"
                  + meeting
                  + "'");
      if (id != null) {
        JsonObject claim = member.get(CLAIMS + "/" + id).json();
        if (condition.test(claim)) {
          return claim;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("No claim as expected for meeting " + meeting);
  }

  private static void awaitOutboxDone(String meeting) throws Exception {
    for (int i = 0; i < 60; i++) {
      if (TestServers.ownerQuery(
              "SELECT count(*) FROM event_outbox WHERE tenant_id = 'solihull' AND NOT done"
                  + " AND payload LIKE '%boards:meeting:"
                  + meeting
                  + "%'")
          .equals("0")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Events about " + meeting + " were not delivered");
  }
}
