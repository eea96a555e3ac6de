package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roundtable.api.jobs.Schedule;
import org.roundtable.core.testing.FailingTestJob;
import org.roundtable.core.testing.FailingTestResource;
import org.roundtable.core.testing.NewCouncils;
import org.roundtable.core.testing.RouteListTestResource;
import org.roundtable.core.testing.TallyTestJob;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.Eventually;
import org.roundtable.testkit.PayaraInstance;
import org.roundtable.testkit.Platform;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.testkit.TestRealms;

/**
 * What each pod keeps in memory (which plugins a council has on, who holds which permission) never
 * outlives a change made on another pod by more than a second (ADR 0025), and never crosses
 * councils: a second pod on the same database, its caches warm, sees a plugin switched off, a
 * permission taken from a role, and a council suspended on the first. A plugin's job runs once in
 * each council however many pods there are, with that council bound, and operators see its runs and
 * failures.
 */
@PlatformTest(
    deploy = {
      FailingTestResource.class,
      RouteListTestResource.class,
      TallyTestJob.class,
      FailingTestJob.class
    })
class SecondPodIT {

  private static final String BOARDS = "/api/v1/kirklees/boards/boards";
  private static PayaraInstance second;

  @BeforeAll
  static void aSecondPodOnTheSameDatabase() throws Exception {
    second = PayaraInstance.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (second != null) {
      second.close();
    }
  }

  @Test
  void aPluginSwitchedOffAndAPermissionTakenAreSeenByTheOtherPodWithinASecond(Platform platform)
      throws Exception {
    ApiClient admin = platform.as("kirklees", "tenant-admin");
    ApiClient officerThere = onSecond(platform, "kirklees", "officer");
    ApiClient solihullThere = onSecond(platform, "solihull", "officer");
    assertThat(officerThere.get(BOARDS).status()).as("warm on the second pod").isEqualTo(200);
    assertThat(solihullThere.get("/api/v1/solihull/boards/boards").status()).isEqualTo(200);

    try {
      assertThat(admin.put("/api/v1/kirklees/plugins/boards", "{\"enabled\":false}").status())
          .isEqualTo(200);
      assertThat(Eventually.withinASecond(() -> officerThere.get(BOARDS).status() == 404))
          .as("switched off in Kirklees, seen on the second pod")
          .isTrue();
      assertThat(solihullThere.get("/api/v1/solihull/boards/boards").status())
          .as("Solihull's boards are Solihull's: still on")
          .isEqualTo(200);
    } finally {
      admin.put("/api/v1/kirklees/plugins/boards", "{\"enabled\":true}");
    }
    assertThat(Eventually.withinASecond(() -> officerThere.get(BOARDS).status() == 200)).isTrue();

    String read = "/api/v1/kirklees/permissions/boards:boards:read";
    try {
      assertThat(admin.put(read, "{\"roles\":[\"tenant-admin\",\"member\",\"finance\"]}").status())
          .isEqualTo(200);
      assertThat(Eventually.withinASecond(() -> officerThere.get(BOARDS).status() == 403))
          .as("officers no longer read boards in Kirklees, seen on the second pod")
          .isTrue();
      assertThat(solihullThere.get("/api/v1/solihull/boards/boards").status())
          .as("Solihull's officers keep it")
          .isEqualTo(200);
    } finally {
      admin.put(read, "{\"roles\":[\"tenant-admin\",\"officer\",\"member\",\"finance\"]}");
    }
    assertThat(Eventually.withinASecond(() -> officerThere.get(BOARDS).status() == 200)).isTrue();
  }

  @Test
  void aCouncilSuspendedOnOnePodAnswersNothingOnTheOtherWithinASecond(Platform platform)
      throws Exception {
    ApiClient operator = platform.operator();
    String slug = "pods-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(operator.post("/api/v1/platform/tenants", NewCouncils.request(slug)).status())
        .isEqualTo(201);
    ApiClient there = new ApiClient(new URL(second.url()));
    assertThat(there.get("/api/v1/" + slug).status()).isEqualTo(200);

    assertThat(
            operator
                .put("/api/v1/platform/tenants/" + slug + "/status", "{\"status\":\"SUSPENDED\"}")
                .status())
        .isEqualTo(200);

    assertThat(Eventually.withinASecond(() -> there.get("/api/v1/" + slug).status() == 404))
        .as("suspended, seen on the second pod")
        .isTrue();
  }

  @Test
  void aPluginJobRunsOnceInEachCouncilAcrossBothPodsAndOperatorsSeeItsRuns(Platform platform)
      throws Exception {
    ApiClient operator = platform.operator();
    ApiClient operatorThere =
        new ApiClient(new URL(second.url()))
            .withBearer(platform.realms().login(TestRealms.OPERATORS, "operator"));
    Instant asked = Instant.now();
    long kirklees = job(operator, "kirklees", "boards:tally").getJsonNumber("runs").longValue();
    long solihull = job(operator, "solihull", "boards:tally").getJsonNumber("runs").longValue();

    assertThat(operator.post(run("kirklees", "boards:tally"), "").status()).isEqualTo(202);
    assertThat(operatorThere.post(run("solihull", "boards:tally"), "").status()).isEqualTo(202);

    assertThat(
            Eventually.within(
                Duration.ofSeconds(30),
                () ->
                    runs(operator, "kirklees", "boards:tally") == kirklees + 1
                        && runs(operatorThere, "solihull", "boards:tally") == solihull + 1))
        .as("each council's run done")
        .isTrue();
    // Each run takes a second: a pod running it as well would have finished by now.
    Thread.sleep(3000);
    JsonObject done = job(operatorThere, "kirklees", "boards:tally");
    assertThat(done.getJsonNumber("runs").longValue())
        .as("once across both pods")
        .isEqualTo(kirklees + 1);
    assertThat(runs(operator, "solihull", "boards:tally")).isEqualTo(solihull + 1);
    assertThat(done.getInt("failuresSinceLastSuccess")).as("run with Kirklees bound").isZero();
    assertThat(done.getString("lastPod")).isNotBlank();
    // The schedule's next time after the run (which ended between the asking and now), to the
    // second: the platform counts it as a wait, which the database adds to its own clock. (It was
    // asserted as "more than half an hour away", which failed from 02:30 to 03:00 UK time.)
    Instant nextDue = Instant.parse(done.getString("nextDueAt"));
    Schedule schedule = new TallyTestJob().schedule();
    assertThat(List.of(schedule.next(asked), schedule.next(Instant.now())))
        .as("then due at its schedule's next time (%s), not at once", nextDue)
        .anySatisfy(
            expected ->
                assertThat(Duration.between(expected, nextDue).abs())
                    .isLessThan(Duration.ofSeconds(5)));

    assertThat(operator.get("/api/v1/platform/tenants/kirklees/jobs/boards:nothing/run").status())
        .as("only POST runs a job")
        .isEqualTo(405);
    assertThat(operator.post(run("kirklees", "boards:nothing"), "").status()).isEqualTo(404);
    assertThat(operator.post(run("nowhere", "boards:tally"), "").status()).isEqualTo(404);
    ApiClient officer = platform.as("kirklees", "tenant-admin");
    assertThat(officer.get("/api/v1/platform/tenants/kirklees/jobs").status())
        .as("a council administrator is no operator")
        .isIn(401, 403, 404);
  }

  @Test
  void aFailingJobShowsOperatorsWhyAndIsTriedAgainSoonerThanItsSchedule(Platform platform)
      throws Exception {
    ApiClient operator = platform.operator();
    int before =
        job(operator, "solihull", "boards:always-fails").getInt("failuresSinceLastSuccess");

    assertThat(operator.post(run("solihull", "boards:always-fails"), "").status()).isEqualTo(202);

    assertThat(
            Eventually.within(
                Duration.ofSeconds(30),
                () ->
                    job(operator, "solihull", "boards:always-fails")
                            .getInt("failuresSinceLastSuccess")
                        > before))
        .isTrue();
    JsonObject failed = job(operator, "solihull", "boards:always-fails");
    assertThat(failed.getString("lastError")).contains("The reminder service is not configured");
    assertThat(Instant.parse(failed.getString("nextDueAt")))
        .as("tried again within the hour, not at its next six-hourly time")
        .isBefore(Instant.now().plus(Duration.ofMinutes(61)));
    // Counted by the pod that ran it: Prometheus adds the pods up.
    String metrics = metrics(platform.url()) + metrics(new URL(second.url()));
    assertThat(metrics.lines())
        .as("counted for Prometheus")
        .anyMatch(
            line ->
                line.startsWith("roundtable_job_failures_total{")
                    && line.contains("job=\"boards:always-fails\""));
  }

  private static String metrics(URL pod) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(pod.toURI().resolve("/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String run(String council, String job) {
    return "/api/v1/platform/tenants/" + council + "/jobs/" + job + "/run";
  }

  private static long runs(ApiClient operator, String council, String job) {
    return job(operator, council, job).getJsonNumber("runs").longValue();
  }

  private static JsonObject job(ApiClient operator, String council, String job) {
    var answer = operator.get("/api/v1/platform/tenants/" + council + "/jobs");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
        .filter(j -> j.getString("job").equals(job))
        .findFirst()
        .orElseThrow(() -> new AssertionError(job + " is not listed: " + answer.body()));
  }

  private ApiClient onSecond(Platform platform, String council, String role) throws Exception {
    return new ApiClient(new URL(second.url()))
        .withBearer(platform.realms().login(council, council + "-" + role));
  }
}
