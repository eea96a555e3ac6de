package org.roundtable.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.roundtable.devservers.DevelopmentDatabase;
import org.roundtable.steps.migration.Migrator;
import org.roundtable.testkit.PayaraInstance;
import org.roundtable.testkit.TestRealms;
import org.roundtable.testkit.TestServers;

/**
 * The platform under faults, on servers of its own: a Payara pod whose PostgreSQL (a fixed port, a
 * kept data directory) is stopped under a light write load and started again, then frozen; the
 * run's Keycloak stopped; the mail relay stopped. Callers get 503s with {@code Retry-After} within
 * seconds, never a hang or a 500; readiness goes DOWN and comes back UP by itself, liveness stays
 * UP; no acknowledged write is lost; API calls with valid tokens go on through a Keycloak outage;
 * mail the relay refuses is tried again with a growing wait, then given up and kept in a failed
 * list operators see (never to whom it was) and counted in {@code /metrics}, and sent when an
 * operator asks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

  private static final String COUNCIL = "kirklees";
  private static final Duration FROZEN_ANSWER = Duration.ofSeconds(6);
  private static final Duration RECOVERY = Duration.ofSeconds(10);

  private static Path dataDirectory;
  private static int port;
  private static DevelopmentDatabase postgres;
  private static PayaraInstance pod;
  private static String officer;
  private static String operator;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void aPodWithADatabaseOfItsOwn() throws Exception {
    dataDirectory = Files.createTempDirectory("fault-postgres").resolve("data");
    port = TestServers.freePort();
    postgres = DevelopmentDatabase.start(Optional.of(dataDirectory), port);
    var settings = postgres.settings();
    try (Connection owner =
        DriverManager.getConnection(
            settings.url(), settings.ownerUser(), settings.ownerPassword())) {
      new Migrator(FaultsIT.class.getClassLoader(), settings.appUser()).migratePlatform(owner);
    }
    pod =
        PayaraInstance.start(
            Map.of(
                "roundtable.db.url", settings.url(),
                "roundtable.db.app-user", settings.appUser(),
                "roundtable.db.app-password", settings.appPassword(),
                "roundtable.events.poll-millis", "250",
                "roundtable.outbox.max-attempts", "3"));
    copyWebClientSecrets();
    TestRealms realms = new TestRealms(System.getProperty("roundtable.test.keycloak.url"));
    realms.ensureTestUsers();
    officer = realms.login(COUNCIL, COUNCIL + "-officer");
    realms.ensureTestOperator();
    operator = realms.login(TestRealms.OPERATORS, "operator");
  }

  @AfterAll
  static void stop() throws Exception {
    if (pod != null) {
      pod.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void aStoppedDatabaseAnswers503AndEveryAcknowledgedWriteSurvivesItsReturn() throws Exception {
    assertThat(status("/health/ready")).isEqualTo(200);
    WriteLoad load = new WriteLoad();
    load.start();
    Thread.sleep(1500);

    long stopped = System.nanoTime();
    postgres.close();
    await("readiness DOWN", Duration.ofSeconds(10), () -> status("/health/ready") == 503);
    long downAfter = System.nanoTime() - stopped;
    Thread.sleep(4000);
    // Signing in writes a pending sign-in: a page that needs the database (the council itself is
    // known from what the pod holds).
    HttpResponse<String> page = get("/" + COUNCIL + "/login", Map.of("Accept", "text/html"));
    HttpResponse<String> api = send(write("while-down"));
    assertThat(status("/health/live")).as("liveness while the database is down").isEqualTo(200);

    long restarted = System.nanoTime();
    postgres = DevelopmentDatabase.start(Optional.of(dataDirectory), port);
    await("readiness UP", RECOVERY, () -> status("/health/ready") == 200);
    long readyAfter = System.nanoTime() - restarted;
    await("a write acknowledged", RECOVERY, () -> load.acknowledgedSince(restarted));
    long writingAfter = System.nanoTime() - restarted;
    load.stop();

    System.out.printf(
        "Database stopped: readiness DOWN after %.1f s; %d writes answered 503 (slowest %.1f s),"
            + " %d other non-2xx; back: ready after %.1f s, writes acknowledged after %.1f s;"
            + " %d acknowledged writes in all%n",
        downAfter / 1e9,
        load.unavailable.get(),
        load.slowestUnavailable() / 1e9,
        load.otherFailures.size(),
        readyAfter / 1e9,
        writingAfter / 1e9,
        load.acknowledged.size());
    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(page.headers().firstValue("Retry-After")).isPresent();
    assertThat(page.body()).contains("Try again in a minute").contains("Kirklees Council");
    assertThat(api.statusCode()).isEqualTo(503);
    assertThat(api.headers().firstValue("Retry-After")).isPresent();
    assertThat(api.body()).contains("urn:roundtable:problem:unavailable");
    assertThat(load.unavailable.get()).isPositive();
    assertThat(load.otherFailures).as("answers other than 2xx and 503").isEmpty();
    assertThat(Duration.ofNanos(load.slowestUnavailable())).isLessThan(FROZEN_ANSWER);
    assertThat(membersNamed(load.acknowledged)).isEqualTo(load.acknowledged.size());
  }

  @Test
  @Order(2)
  void aFrozenDatabaseAnswers503WithinSixSeconds() throws Exception {
    assertThat(send(write("before-freeze")).statusCode()).isEqualTo(201);
    List<Long> processes = postgresProcesses();
    signal("-STOP", processes);
    long started = System.nanoTime();
    HttpResponse<String> frozen;
    try {
      frozen = send(write("while-frozen"));
    } finally {
      long answered = System.nanoTime() - started;
      signal("-CONT", processes);
      System.out.printf("Database frozen: answered in %.1f s%n", answered / 1e9);
      assertThat(Duration.ofNanos(answered)).isLessThan(FROZEN_ANSWER);
    }
    assertThat(frozen.statusCode()).isEqualTo(503);
    long thawed = System.nanoTime();
    await("writes again", RECOVERY, () -> send(write("after-thaw")).statusCode() == 201);
    System.out.printf(
        "Database thawed: writes acknowledged after %.1f s%n", (System.nanoTime() - thawed) / 1e9);
  }

  @Test
  @Order(3)
  void aConnectionThatBrokeUnderARequestIsNotLentAgain() throws Exception {
    servingAgainAfterTheDatabaseOutages();
    // Connections the pool validated moments ago: it will not validate them again for 10 s.
    List<Thread> warm = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Thread reader =
          new Thread(
              () -> {
                try {
                  get("/api/v1/" + COUNCIL + "/members", bearer());
                } catch (IOException | InterruptedException e) {
                  // Counted below: only the answers after the backends end matter.
                }
              });
      reader.start();
      warm.add(reader);
    }
    for (Thread reader : warm) {
      reader.join();
    }
    int ended = endThePodsBackends();

    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < ended + 20; i++) {
      answers.add(get("/api/v1/" + COUNCIL + "/members", bearer()).statusCode());
    }
    long unavailable = answers.stream().filter(status -> status == 503).count();
    System.out.printf(
        "Backends ended under the pool: %d; then %d of %d reads answered 503%n",
        ended, unavailable, answers.size());
    assertThat(answers).as("answers after the ends").containsOnly(200, 503);
    assertThat(unavailable).as("503s: at most one per ended connection").isLessThanOrEqualTo(ended);
    assertThat(answers.subList(answers.size() - 10, answers.size())).containsOnly(200);
  }

  @Test
  @Order(4)
  void throughAKeycloakOutageTheApiGoesOnAndSigningInSaysSo() throws Exception {
    servingAgainAfterTheDatabaseOutages();
    assertThat(get("/api/v1/" + COUNCIL + "/members", bearer()).statusCode()).isEqualTo(200);
    assertThat(get("/" + COUNCIL + "/login", Map.of()).statusCode()).isEqualTo(303);
    String invitee = newMemberWithEmail("Keycloak Outage");
    TestServers.stopKeycloak();
    try {
      HttpResponse<String> members = get("/api/v1/" + COUNCIL + "/members", bearer());
      HttpResponse<String> signIn = get("/" + COUNCIL + "/login", Map.of("Accept", "text/html"));
      HttpResponse<String> invited = send(invitation(invitee));

      assertThat(members.statusCode()).as("API with a valid token").isEqualTo(200);
      assertThat(signIn.statusCode()).isEqualTo(503);
      assertThat(signIn.body())
          .contains("Signing in is not available just now")
          .contains("Kirklees");
      // Not "someone may already have a sign-in": nothing was made, and asking again will work.
      assertThat(invited.statusCode()).as(invited.body()).isEqualTo(503);
      assertThat(invited.headers().firstValue("Retry-After")).isPresent();
      assertThat(invited.body()).contains("the sign-in service is not answering");
    } finally {
      TestServers.restartKeycloak();
    }
    // Keycloak's first answers after its start may take longer than the pod's 2 s check.
    await(
        "signing in again",
        Duration.ofSeconds(30),
        () -> get("/" + COUNCIL + "/login", Map.of()).statusCode() == 303);
  }

  @Test
  @Order(5)
  void mailTheRelayKeepsRefusingIsGivenUpListedAndSentWhenAnOperatorAsks() throws Exception {
    servingAgainAfterTheDatabaseOutages();
    String email = "fault-" + System.nanoTime() + "@kirklees.example";
    String id = newMember("Relay Outage", email);
    TestServers.stopMail();
    HttpResponse<String> invited;
    List<String> failed;
    try {
      invited = send(invitation(id));
      // Refused three times (at once, after 2 s, after 4 s more): given up, in the failed list.
      await("an email given up", Duration.ofSeconds(30), () -> !failedMail().isEmpty());
      Thread.sleep(8000);
      failed = failedMail();
    } finally {
      TestServers.restartMail();
    }
    HttpResponse<String> invitation = invited;
    assertThat(invitation.statusCode())
        .as(
            () ->
                "inviting while the relay is down: "
                    + invitation.body()
                    + "\nThe pod's last warnings:\n"
                    + pod.lastWarnings(8))
        .isBetween(200, 299);
    String metrics = get("/metrics", Map.of()).body();
    assertThat(counter(metrics, "roundtable_deliveries_retried_total", "mail"))
        .as("two refusals each before the last")
        .isGreaterThanOrEqualTo(2.0 * failed.size());
    assertThat(counter(metrics, "roundtable_deliveries_given_up_total", "mail"))
        .isGreaterThanOrEqualTo(failed.size());
    Thread.sleep(3000);
    assertThat(received(email)).as("given up: not tried again by itself").isEmpty();

    long back = System.nanoTime();
    for (String failedId : failed) {
      assertThat(
              send(operatorRequest(
                          "/api/v1/platform/tenants/"
                              + COUNCIL
                              + "/failed-deliveries/"
                              + failedId
                              + "/retry")
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build())
                  .statusCode())
          .isEqualTo(202);
    }
    await(
        "the emails sent again delivered",
        Duration.ofSeconds(30),
        () -> received(email).size() >= failed.size());
    System.out.printf(
        "Mail relay back: the invitation's emails, sent again by an operator, arrived after"
            + " %.1f s%n",
        (System.nanoTime() - back) / 1e9);
    assertThat(failedMail()).as("no longer in the failed list").isEmpty();
    // Ours carries the outbox's own id as Message-ID, the same on every attempt.
    assertThat(received(email))
        .anyMatch(messageId -> messageId.matches("<[0-9a-f-]{36}@test\\.example>"));
  }

  /** A writer posting a new member every 100 ms, keeping what was acknowledged. */
  private final class WriteLoad {
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final AtomicInteger unavailable = new AtomicInteger();
    final ConcurrentLinkedQueue<String> otherFailures = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> unavailableNanos = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> acknowledgedAt = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread thread;

    void start() {
      thread =
          new Thread(
              () -> {
                int n = 0;
                while (running.get()) {
                  String name = "load-" + (n++);
                  long sent = System.nanoTime();
                  try {
                    HttpResponse<String> answer = send(write(name));
                    long took = System.nanoTime() - sent;
                    if (answer.statusCode() == 201) {
                      acknowledged.add(name);
                      acknowledgedAt.add(System.nanoTime());
                    } else if (answer.statusCode() == 503) {
                      unavailable.incrementAndGet();
                      unavailableNanos.add(took);
                    } else {
                      otherFailures.add(answer.statusCode() + " " + answer.body());
                    }
                    Thread.sleep(100);
                  } catch (Exception e) {
                    otherFailures.add(e.toString());
                  }
                }
              });
      thread.start();
    }

    boolean acknowledgedSince(long nanos) {
      return acknowledgedAt.stream().anyMatch(at -> at > nanos);
    }

    long slowestUnavailable() {
      return unavailableNanos.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join(30_000);
    }
  }

  private HttpRequest write(String name) {
    return request("/api/v1/" + COUNCIL + "/members")
        .POST(HttpRequest.BodyPublishers.ofString("{\"fullName\":\"Fault " + name + "\"}"))
        .build();
  }

  /** A new member of the council with an email address; their id. */
  private String newMemberWithEmail(String name) throws Exception {
    return newMember(name, "fault-" + System.nanoTime() + "@kirklees.example");
  }

  private String newMember(String name, String email) throws Exception {
    HttpResponse<String> created =
        send(
            request("/api/v1/" + COUNCIL + "/members")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder()
                            .add("fullName", name)
                            .add("email", email)
                            .build()
                            .toString()))
                .build());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Json.createReader(new java.io.StringReader(created.body())).readObject().getString("id");
  }

  private HttpRequest invitation(String memberId) {
    return request("/api/v1/" + COUNCIL + "/members/" + memberId + "/invitation")
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(pod.url() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + officer)
        .header("Content-Type", "application/json");
  }

  private HttpRequest.Builder operatorRequest(String path) {
    return HttpRequest.newBuilder(URI.create(pod.url() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + operator);
  }

  /** The ids of the council's emails the outbox gave up on, as operators see them. */
  private List<String> failedMail() throws Exception {
    HttpResponse<String> answer =
        send(
            operatorRequest("/api/v1/platform/tenants/" + COUNCIL + "/failed-deliveries")
                .GET()
                .build());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonObject deliveries = Json.createReader(new java.io.StringReader(answer.body())).readObject();
    assertThat(answer.body()).as("never the recipient").doesNotContain("@kirklees.example");
    return deliveries.getJsonArray("mail").getValuesAs(JsonObject.class).stream()
        .map(mail -> mail.getString("id"))
        .toList();
  }

  /** A counter's value in the metrics for one outbox (0 if absent). */
  private static double counter(String metrics, String name, String outbox) {
    return metrics
        .lines()
        .filter(line -> line.startsWith(name + "{") && line.contains("outbox=\"" + outbox + "\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private Map<String, String> bearer() {
    return Map.of("Authorization", "Bearer " + officer);
  }

  private HttpResponse<String> get(String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(pod.url() + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private int status(String path) {
    try {
      return get(path, Map.of()).statusCode();
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void await(String what, Duration within, Check check) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (check.holds()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Not " + what + " within " + within.toSeconds() + " s");
  }

  @FunctionalInterface
  private interface Check {
    boolean holds() throws Exception;
  }

  /** How many of these names the fault database holds as members. */
  private static int membersNamed(Set<String> names) throws SQLException {
    var settings = postgres.settings();
    try (Connection owner =
            DriverManager.getConnection(
                settings.url(), settings.ownerUser(), settings.ownerPassword());
        PreparedStatement query =
            owner.prepareStatement(
                "SELECT count(*) FROM member WHERE full_name = ANY (?) AND tenant_id = ?")) {
      query.setArray(
          1, owner.createArrayOf("text", names.stream().map(n -> "Fault " + n).toArray()));
      query.setString(2, COUNCIL);
      try (ResultSet count = query.executeQuery()) {
        count.next();
        return count.getInt(1);
      }
    }
  }

  /** The Message-IDs of the emails the relay received for this address. */
  private static List<String> received(String address) throws Exception {
    List<String> ids = new ArrayList<>();
    for (var message : TestServers.mail().getReceivedMessages()) {
      for (var recipient : message.getAllRecipients()) {
        if (recipient.toString().contains(address)) {
          ids.add(message.getMessageID());
        }
      }
    }
    return ids;
  }

  /**
   * Ends every backend of the pod's database role, as a database fail-over or an administrator
   * would; the pod's driver finds out only when it next uses each connection.
   *
   * @return how many were ended
   */
  private static int endThePodsBackends() throws SQLException {
    var settings = postgres.settings();
    try (Connection superuser = postgres.superuser(DevelopmentDatabase.DATABASE).getConnection();
        PreparedStatement end =
            superuser.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE usename = ?")) {
      end.setString(1, settings.appUser());
      try (ResultSet ended = end.executeQuery()) {
        ended.next();
        assertThat(ended.getInt(1)).as("the pod's connections").isPositive();
        return ended.getInt(1);
      }
    }
  }

  /** The postmaster and every server process under it. */
  private static List<Long> postgresProcesses() throws IOException {
    long postmaster =
        Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    List<Long> processes = new ArrayList<>();
    processes.add(postmaster);
    ProcessHandle.of(postmaster)
        .ifPresent(p -> p.descendants().forEach(child -> processes.add(child.pid())));
    return processes;
  }

  private static void signal(String signal, List<Long> processes) throws Exception {
    List<String> command = new ArrayList<>(List.of("kill", signal));
    processes.forEach(pid -> command.add(Long.toString(pid)));
    assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
  }

  /**
   * After the database's outages above, a request may still meet a pooled connection the driver
   * closed during the outage (one 503 each: the connection then goes back as bad, ADR 0038): a test
   * of something else starts from a pod whose pages and API serve twice in a row.
   */
  private void servingAgainAfterTheDatabaseOutages() throws Exception {
    await(
        "the pod serving again",
        Duration.ofSeconds(30),
        () ->
            get("/api/v1/" + COUNCIL + "/members", bearer()).statusCode() == 200
                && get("/api/v1/" + COUNCIL + "/members", bearer()).statusCode() == 200
                && get("/" + COUNCIL + "/login", Map.of()).statusCode() == 303
                && get("/" + COUNCIL + "/login", Map.of()).statusCode() == 303);
  }

  /**
   * The fault pod signs people in with the same realms as the run's: its councils' web-client
   * secrets, sealed with the same data key, come from the run's database.
   */
  private static void copyWebClientSecrets() throws SQLException {
    var settings = postgres.settings();
    try (Connection from = TestServers.owner();
        Connection to =
            DriverManager.getConnection(
                settings.url(), settings.ownerUser(), settings.ownerPassword());
        var rows =
            from.createStatement()
                .executeQuery(
                    "SELECT * FROM tenant_client_secret"
                        + " WHERE tenant_id IN ('kirklees', 'solihull')")) {
      var columns = rows.getMetaData();
      StringBuilder insert = new StringBuilder("INSERT INTO tenant_client_secret VALUES (");
      for (int i = 1; i <= columns.getColumnCount(); i++) {
        insert.append(i == 1 ? "?" : ", ?");
      }
      insert.append(") ON CONFLICT DO NOTHING");
      try (PreparedStatement copy = to.prepareStatement(insert.toString())) {
        while (rows.next()) {
          for (int i = 1; i <= columns.getColumnCount(); i++) {
            copy.setObject(i, rows.getObject(i));
          }
          copy.executeUpdate();
        }
      }
    }
  }
}
