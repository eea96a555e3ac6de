package org.roundtable.testkit;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;

/**
 * The module's shared application and the people who use it, handed to a {@link PlatformTest}'s
 * test methods: API clients signed in with real tokens for a council's role, and browsers signed in
 * through Keycloak's real sign-in page. Every test council has one user per platform role ({@code
 * member}, {@code officer}, {@code tenant-admin}, {@code finance}); the operators' realm has one
 * operator.
 */
public final class Platform {

  /**
   * The councils every test run has (from the repository's {@code tenants/}), their plugins
   * switched on by the testkit. A plugin's own test councils ({@code src/test/councils/<slug>/},
   * with {@code tenant.yaml} and {@code realm.json}) join them, with the plugins their files switch
   * on and the same test users.
   */
  public static final List<String> COUNCILS = List.of("kirklees", "solihull");

  private final URL url;
  private final TestRealms realms;

  Platform(URL url, TestRealms realms) {
    this.url = url;
    this.realms = realms;
  }

  /** The application's address (with a closing slash). */
  public URL url() {
    return url;
  }

  /** The application's public address, as in links and redirects (no closing slash). */
  public String publicUrl() {
    return TestServers.publicUrl();
  }

  /** Nobody signed in. */
  public ApiClient anonymous() {
    return new ApiClient(url);
  }

  /** Someone of a role in a council ({@code as("solihull", "officer")}), with a real token. */
  public ApiClient as(String council, String role) {
    try {
      return anonymous().withBearer(realms.login(council, council + "-" + role));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Someone the platform invited by email in a council (a member or a guest), signed in with a real
   * token as if they had followed the invitation's link ({@link TestRealms#loginInvited}).
   */
  public ApiClient asInvited(String council, String email) {
    try {
      return anonymous().withBearer(realms.loginInvited(council, email));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A person a test made a member of a council, signed in. */
  public record Person(String id, String name, String email, ApiClient api) {}

  /**
   * Someone new in a council, made the way councils make members: the council's administrator adds
   * them with their name and a fresh email address, invites them with these roles (the platform's
   * or a plugin's, from the role registry), and they sign in from the invitation. Their record has
   * the email address (members who sign in uninvited have none), so mail to them arrives.
   *
   * @param council the council
   * @param name their full name, as certificates and lists show it
   * @param roles what they hold (for example {@code "learner"}); none means {@code member}
   * @throws AssertionError if the platform refuses
   */
  public Person newMember(String council, String name, String... roles) {
    ApiClient admin = as(council, "tenant-admin");
    String email =
        "person-"
            + java.util.UUID.randomUUID().toString().substring(0, 12)
            + "@"
            + council
            + ".example";
    ApiClient.Result created =
        admin.post(
            "/api/v1/" + council + "/members",
            jakarta.json.Json.createObjectBuilder()
                .add("fullName", name)
                .add("email", email)
                .build()
                .toString());
    if (created.status() != 201) {
      throw new AssertionError("Cannot add " + name + " to " + council + ": " + created.body());
    }
    String id = created.json().getString("id");
    var held = jakarta.json.Json.createArrayBuilder();
    java.util.Arrays.stream(roles.length == 0 ? new String[] {"member"} : roles).forEach(held::add);
    ApiClient.Result invited =
        admin.post(
            "/api/v1/" + council + "/members/" + id + "/invitation",
            jakarta.json.Json.createObjectBuilder().add("roles", held).build().toString());
    if (invited.status() != 202) {
      throw new AssertionError("Cannot invite " + name + " to " + council + ": " + invited.body());
    }
    return new Person(id, name, email, asInvited(council, email));
  }

  /**
   * Runs a plugin's scheduled job in a council now, the way an operator asks for it, and waits (up
   * to 30 seconds) until the run is over.
   *
   * @param council the council, which must have the job's plugin on
   * @param job the job's full name, {@code pluginId:name}
   * @return the job as operators then see it: {@code runs}, {@code failuresSinceLastSuccess},
   *     {@code lastError}, {@code lastSucceededAt}, {@code nextDueAt}
   * @throws AssertionError if the job is not there, or the run does not end in time
   */
  public JsonObject runJob(String council, String job) {
    ApiClient operator = operator();
    long before = jobRuns(operator, council, job).getJsonNumber("runs").longValue();
    ApiClient.Result asked =
        operator.post("/api/v1/platform/tenants/" + council + "/jobs/" + job + "/run", "");
    if (asked.status() != 202) {
      throw new AssertionError("Running " + job + " in " + council + ": " + asked.body());
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject now = jobRuns(operator, council, job);
      if (now.getJsonNumber("runs").longValue() > before) {
        return now;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting for " + job, e);
      }
    }
    throw new AssertionError(job + " did not run in " + council + " within 30 seconds");
  }

  private static JsonObject jobRuns(ApiClient operator, String council, String job) {
    ApiClient.Result jobs = operator.get("/api/v1/platform/tenants/" + council + "/jobs");
    if (jobs.status() != 200) {
      throw new AssertionError("The jobs of " + council + ": " + jobs.body());
    }
    return jobs.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
        .filter(j -> j.getString("job").equals(job))
        .findFirst()
        .orElseThrow(() -> new AssertionError(job + " is not installed: " + jobs.body()));
  }

  /** The installation's operator. */
  public ApiClient operator() {
    try {
      realms.ensureTestOperator();
      return anonymous().withBearer(realms.login(TestRealms.OPERATORS, "operator"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A browser signed in as someone of a role in a council, on the council's home page. Close it
   * when done.
   */
  public Browser browserAs(String council, String role) {
    try {
      Browser browser = Browser.start();
      try {
        return browser.signIn(council, council + "-" + role, TestRealms.PASSWORD);
      } catch (RuntimeException e) {
        browser.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test realms, for what the handles above do not cover (forged tokens, extra users). */
  public TestRealms realms() {
    return realms;
  }
}
