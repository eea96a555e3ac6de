package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.Platform;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.testkit.TestServers;

/**
 * What one request costs the database, in transactions (from {@code pg_stat_database}), for an
 * authenticated, council-scoped, plugin-dispatched read and for {@code /me}. A benchmark, not in
 * the test command (bench/README.md):
 *
 * <pre>./mvnw verify -pl journeys -am -Dit.test=RequestCostBenchmarkIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@PlatformTest
class RequestCostBenchmarkIT {

  private static final int REQUESTS = 500;

  @Test
  void transactionsPerRequest(Platform platform) throws Exception {
    ApiClient officer = platform.as("kirklees", "officer");
    ApiClient.Result board =
        officer.post(
            "/api/v1/kirklees/boards/boards",
            "{\"name\":\"Benchmark board\",\"termsOfReference\":\"Measuring.\","
                + "\"codeOfConduct\":\"Plain words.\"}");
    assertThat(board.status()).as(board.body()).isEqualTo(201);
    Map<String, String> reads =
        Map.of(
            "GET /api/v1/kirklees/boards/boards/{id}",
            "/api/v1/kirklees/boards/boards/" + board.json().getString("id"),
            "GET /api/v1/kirklees/me",
            "/api/v1/kirklees/me");
    for (Map.Entry<String, String> read : reads.entrySet()) {
      for (int i = 0; i < 100; i++) {
        assertThat(officer.get(read.getValue()).status()).isEqualTo(200);
      }
      Thread.sleep(2000);
      long before = transactions();
      for (int i = 0; i < REQUESTS; i++) {
        officer.get(read.getValue());
      }
      Thread.sleep(2000);
      long after = transactions();
      System.out.printf(
          "%s: %.2f transactions a request (%d requests; the dispatcher's one claim every 2 s"
              + " included)%n",
          read.getKey(), (after - before - 1) / (double) REQUESTS, REQUESTS);
    }
  }

  /** Committed and rolled-back transactions in the platform's database so far. */
  private static long transactions() throws Exception {
    return Long.parseLong(
        TestServers.ownerQuery(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database"
                + " WHERE datname = current_database()"));
  }
}
