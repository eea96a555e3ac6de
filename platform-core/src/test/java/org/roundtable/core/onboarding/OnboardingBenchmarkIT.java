package org.roundtable.core.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.roundtable.core.testing.FailingTestResource;
import org.roundtable.core.testing.RouteListTestResource;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.testkit.TestRealms;
import org.roundtable.testkit.TestServers;

/**
 * Onboarding councils one after another through the operators' API, as an operator would, on the
 * development Keycloak: each must succeed within 5 s. Prints, per hundred, the median and 95th
 * percentile, Keycloak's resident memory and its heap after a full collection, and the provisioning
 * token's size. Not in the test command (see bench/README.md):
 *
 * <pre>
 * ./mvnw verify -pl plugin-api,platform-core -Dit.test=OnboardingBenchmarkIT -Dtest=none \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dbench.councils=500
 * </pre>
 */
@PlatformTest(deploy = {FailingTestResource.class, RouteListTestResource.class})
class OnboardingBenchmarkIT {

  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

  private final URL deployment = TestServers.applicationUrl();

  private final String keycloak = System.getProperty("roundtable.test.keycloak.url");
  private final TestRealms realms = new TestRealms(keycloak);

  @Test
  void onboardsCouncilsInARow() throws Exception {
    int councils = Integer.getInteger("bench.councils", 500);
    realms.ensureTestOperator();
    List<String> report = new ArrayList<>();
    report.add(
        "councils | p50 ms | p95 ms | slowest ms | Keycloak RSS MB | heap after GC MB"
            + " | provisioning token chars");
    report.add(measure(0, List.of()));
    System.out.println(report.get(1));
    List<Long> hundred = new ArrayList<>();
    List<String> slugs = new ArrayList<>();
    String run = UUID.randomUUID().toString().substring(0, 4);
    ApiClient operator = null;
    for (int i = 1; i <= councils; i++) {
      if (operator == null || i % 50 == 1) {
        // A fresh sign-in now and then: the operator's token lives five minutes.
        operator =
            new ApiClient(deployment).withBearer(realms.login(TestRealms.OPERATORS, "operator"));
      }
      String slug = "bench-" + run + "-" + i;
      long start = System.nanoTime();
      ApiClient.Result created =
          operator.post(
              "/api/v1/platform/tenants",
              "{\"slug\":\""
                  + slug
                  + "\",\"displayName\":\"Bench Council "
                  + i
                  + "\",\"adminEmail\":\"admin@"
                  + slug
                  + ".example\",\"adminFirstName\":\"Ada\",\"adminLastName\":\"Admin\"}");
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(created.status()).as("council %d: %s", i, created.body()).isEqualTo(201);
      assertThat(millis).as("council %d took %d ms", i, millis).isLessThan(LIMIT.toMillis());
      hundred.add(millis);
      slugs.add(slug);
      if (i % 100 == 0 || i == councils) {
        // As in service, every realm in use: each is read once, so Keycloak holds it in memory.
        for (String each : slugs) {
          int status =
              HTTP.send(
                      java.net.http.HttpRequest.newBuilder(
                              java.net.URI.create(
                                  keycloak
                                      + "/realms/"
                                      + each
                                      + "/.well-known/openid-configuration"))
                          .build(),
                      java.net.http.HttpResponse.BodyHandlers.discarding())
                  .statusCode();
          assertThat(status).isEqualTo(200);
        }
        String line = measure(i, hundred);
        report.add(line);
        System.out.println(line);
        hundred.clear();
      }
    }
    Path out = Path.of(System.getProperty("java.io.tmpdir"), "onboarding-benchmark.txt");
    Files.write(out, report);
    System.out.println("Written to " + out);
  }

  private String measure(int councils, List<Long> millis) throws Exception {
    List<Long> sorted = millis.stream().sorted().toList();
    ProcessHandle server = TestServers.keycloak().server().orElseThrow();
    return "%d | %s | %s | %s | %d | %d | %d"
        .formatted(
            councils,
            sorted.isEmpty() ? "-" : sorted.get(sorted.size() / 2).toString(),
            sorted.isEmpty()
                ? "-"
                : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.95))).toString(),
            sorted.isEmpty() ? "-" : sorted.get(sorted.size() - 1).toString(),
            residentMegabytes(server),
            heapAfterCollection(server),
            provisioningToken().length());
  }

  private static long residentMegabytes(ProcessHandle server) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + server.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  /** The heap in use after a full collection, from jcmd of Keycloak's own JDK. */
  private static long heapAfterCollection(ProcessHandle server) throws Exception {
    Path jcmd = Path.of(server.info().command().orElseThrow()).resolveSibling("jcmd");
    run(jcmd.toString(), Long.toString(server.pid()), "GC.run");
    String info = run(jcmd.toString(), Long.toString(server.pid()), "GC.heap_info");
    // "garbage-first heap   total 262144K, used 123456K" (or the serial/parallel equivalent).
    java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
    return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    process.waitFor(60, TimeUnit.SECONDS);
    return output;
  }

  private String provisioningToken() throws IOException {
    return TestServers.keycloak().provisioningToken();
  }
}
