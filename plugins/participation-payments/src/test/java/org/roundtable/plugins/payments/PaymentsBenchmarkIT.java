package org.roundtable.plugins.payments;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roundtable.api.time.UkTime;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.testkit.TestRealms;
import org.roundtable.testkit.TestServers;

/**
 * The benchmark of bench/README.md, not part of the test command: 100,000 participation records of
 * 1,000 people in Kirklees become claims, ledger lines and a finance run's CSV through the real
 * path (the API, the event outbox, both isolation locks, the audit trail and the ledger's rules).
 * The records themselves are the input, written straight into the table beforehand.
 *
 * <pre>./mvnw verify -pl plugin-api,platform-core,plugins,plugins/partnership-boards,\
 *   plugins/participation-payments -Dit.test=PaymentsBenchmarkIT -Dtest=none \
 *   -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@PlatformTest
class PaymentsBenchmarkIT {

  private static final int PEOPLE = 1_000;
  private static final int RECORDS = Integer.getInteger("bench.records", 100_000);
  private static final String BASE = "/api/v1/kirklees/payments";

  private final URL deployment = TestServers.applicationUrl();

  @Test
  void participationRecordsToClaimsLedgerAndFinanceCsv() throws Exception {
    TestRealms realms = new TestRealms(System.getProperty("roundtable.test.keycloak.url"));
    realms.ensureTestUsers();
    ApiClient api = new ApiClient(deployment);
    ApiClient admin = api.withBearer(realms.login("kirklees", "kirklees-tenant-admin"));
    ApiClient officer = api.withBearer(realms.login("kirklees", "kirklees-officer"));
    ApiClient finance = api.withBearer(realms.login("kirklees", "kirklees-finance"));

    assertThat(admin.put("/api/v1/kirklees/plugins/payments", "{\"enabled\":false}").status())
        .isEqualTo(200);
    TestServers.ownerSql(
        "INSERT INTO member (tenant_id, id, full_name, created_at, updated_at, version)"
            + " SELECT 'kirklees', md5('bench-person-' || p)::uuid, 'Bench Person ' || p, now(),"
            + " now(), 0 FROM generate_series(1, "
            + PEOPLE
            + ") p");
    TestServers.ownerSql(
        "INSERT INTO participation_record (tenant_id, id, member_id, activity_type,"
            + " activity_title, activity_reference, started_at, duration_minutes, role,"
            + " lived_experience, recorded_at)"
            + " SELECT 'kirklees', md5('bench-record-' || r)::uuid,"
            + " md5('bench-person-' || (1 + r % "
            + PEOPLE
            + "))::uuid, 'board-meeting',"
            + " 'Co-production Board — meeting ' || (r / "
            + PEOPLE
            + "), 'bench:meeting:' || (r / "
            + PEOPLE
            + "),"
            + " now() - interval '60 days' + (r / "
            + PEOPLE
            + ") * interval '6 hours', 120, 'member', true, now()"
            + " FROM generate_series(1, "
            + RECORDS
            + ") r");
    Map<String, Double> seconds = new LinkedHashMap<>();
    long start = System.nanoTime();

    // 1. Switched on with attendance claims sent straight to approval: the catch-up makes every
    //    claim and its ledger charge.
    long phase = System.nanoTime();
    assertThat(
            admin
                .put(
                    "/api/v1/kirklees/plugins/payments",
                    "{\"enabled\":true,\"settings\":{\"autoSubmit\":true}}")
                .status())
        .isEqualTo(200);
    while (count("payments_claim WHERE status = 'SUBMITTED'") < RECORDS) {
      Thread.sleep(200);
    }
    seconds.put("records to submitted claims and ledger charges", since(phase));

    // 2. Approved by an officer: the whole queue they were shown, in one decision.
    phase = System.nanoTime();
    JsonObject queue = officer.get(BASE + "/claims/approvals/queue").json();
    assertThat(queue.getJsonNumber("claims").longValue()).isEqualTo(RECORDS);
    ApiClient.Result approved =
        officer.post(
            BASE + "/claims/approvals/queue",
            "{\"claims\":"
                + queue.getJsonNumber("claims")
                + ",\"totalPence\":"
                + queue.getJsonNumber("totalPence")
                + "}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(count("payments_claim WHERE status = 'APPROVED'")).isEqualTo(RECORDS);
    seconds.put("approvals, the whole queue", since(phase));

    // 3. Finance makes the run, downloads its CSV and marks it paid.
    phase = System.nanoTime();
    ApiClient.Result run = finance.post(BASE + "/runs", "");
    assertThat(run.status()).as(run.body()).isEqualTo(201);
    String id = run.json().getString("id");
    seconds.put("finance run made", since(phase));
    phase = System.nanoTime();
    ApiClient.Result csv = finance.get(BASE + "/runs/" + id + "/csv");
    assertThat(csv.body().lines().count()).isEqualTo(RECORDS + 1L);
    seconds.put("CSV written and downloaded", since(phase));
    phase = System.nanoTime();
    ApiClient.Result paid =
        finance.post(
            BASE + "/runs/" + id + "/payment",
            "{\"paidOn\":\"" + java.time.LocalDate.now(UkTime.ZONE) + "\"}");
    assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    seconds.put("run marked paid (payment lines)", since(phase));
    double total = since(start);

    phase = System.nanoTime();
    JsonObject reconciliation = finance.get(BASE + "/ledger/reconciliation").json();
    seconds.put("(after) reconciliation of every claim with the ledger", since(phase));
    assertThat(reconciliation.getBoolean("reconciled")).isTrue();
    assertThat(count("payments_ledger_entry")).isEqualTo(2L * RECORDS);

    System.out.printf(
        "%nPayments benchmark: %,d participation records of %,d people%n", RECORDS, PEOPLE);
    seconds.forEach((what, s) -> System.out.printf("  %-55s %7.1f s%n", what, s));
    System.out.printf("  %-55s %7.1f s%n%n", "total, records to paid run", total);
  }

  /** Kirklees rows of a table, with an optional condition ({@code "payments_claim WHERE ..."}). */
  private static long count(String from) throws Exception {
    return Long.parseLong(
        TestServers.ownerQuery(
            "SELECT count(*) FROM "
                + from
                + (from.contains(" WHERE ") ? " AND" : " WHERE")
                + " tenant_id = 'kirklees'"));
  }

  private static double since(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }
}
