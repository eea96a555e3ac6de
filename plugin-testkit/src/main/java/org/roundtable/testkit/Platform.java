package org.roundtable.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;

/**
 * The module's shared application and the people who use it, handed to a {@link PlatformTest}'s
 * test methods: API clients signed in with real tokens for a council's role, and browsers signed in
 * through Keycloak's real sign-in page. Every test council has one user per platform role ({@code
 * member}, {@code officer}, {@code tenant-admin}, {@code finance}); the operators' realm has one
 * operator.
 */
public final class Platform {

  /** The councils every test run has (from the repository's {@code tenants/}). */
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
