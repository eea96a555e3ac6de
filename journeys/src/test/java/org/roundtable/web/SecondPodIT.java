package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roundtable.core.testing.FailingTestResource;
import org.roundtable.core.testing.NewCouncils;
import org.roundtable.core.testing.RouteListTestResource;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.PayaraInstance;
import org.roundtable.testkit.Platform;
import org.roundtable.testkit.PlatformTest;

/**
 * What each pod keeps in memory (which plugins a council has on, who holds which permission) never
 * outlives a change made on another pod by more than a second (ADR 0025), and never crosses
 * councils: a second pod on the same database, its caches warm, sees a plugin switched off, a
 * permission taken from a role, and a council suspended on the first.
 */
@PlatformTest(deploy = {FailingTestResource.class, RouteListTestResource.class})
class SecondPodIT {

  private static final Duration STALENESS = Duration.ofSeconds(1);
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
      assertThat(within(() -> officerThere.get(BOARDS).status() == 404))
          .as("switched off in Kirklees, seen on the second pod")
          .isTrue();
      assertThat(solihullThere.get("/api/v1/solihull/boards/boards").status())
          .as("Solihull's boards are Solihull's: still on")
          .isEqualTo(200);
    } finally {
      admin.put("/api/v1/kirklees/plugins/boards", "{\"enabled\":true}");
    }
    assertThat(within(() -> officerThere.get(BOARDS).status() == 200)).isTrue();

    String read = "/api/v1/kirklees/permissions/boards:boards:read";
    try {
      assertThat(admin.put(read, "{\"roles\":[\"tenant-admin\",\"member\",\"finance\"]}").status())
          .isEqualTo(200);
      assertThat(within(() -> officerThere.get(BOARDS).status() == 403))
          .as("officers no longer read boards in Kirklees, seen on the second pod")
          .isTrue();
      assertThat(solihullThere.get("/api/v1/solihull/boards/boards").status())
          .as("Solihull's officers keep it")
          .isEqualTo(200);
    } finally {
      admin.put(read, "{\"roles\":[\"tenant-admin\",\"officer\",\"member\",\"finance\"]}");
    }
    assertThat(within(() -> officerThere.get(BOARDS).status() == 200)).isTrue();
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

    assertThat(within(() -> there.get("/api/v1/" + slug).status() == 404))
        .as("suspended, seen on the second pod")
        .isTrue();
  }

  private ApiClient onSecond(Platform platform, String council, String role) throws Exception {
    return new ApiClient(new URL(second.url()))
        .withBearer(platform.realms().login(council, council + "-" + role));
  }

  /** Whether the condition holds within the allowed staleness (looked at every 50 ms). */
  private static boolean within(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + STALENESS.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }
}
