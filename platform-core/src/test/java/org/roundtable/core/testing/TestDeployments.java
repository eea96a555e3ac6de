package org.roundtable.core.testing;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The application under test: the WAR the build produced, plus test-only pieces. */
public final class TestDeployments {

  private TestDeployments() {}

  /**
   * The platform's public address in tests, the one the realms registered as their redirect URIs
   * (Arquillian reports the machine's interface name instead).
   */
  public static String publicUrl() {
    return org.roundtable.testkit.TestServers.publicUrl();
  }

  /** The shipped WAR with a test-only failing endpoint (and the given test classes) added. */
  public static WebArchive platform(Class<?>... testClasses) {
    File war = new File(System.getProperty("roundtable.test.war"));
    WebArchive archive =
        ShrinkWrap.create(ZipImporter.class, "roundtable.war").importFrom(war).as(WebArchive.class);
    archive.addClasses(FailingTestResource.class, RouteListTestResource.class);
    // The API lists its classes: name the test-only endpoints where it reads extra ones.
    archive.addAsResource(
        new org.jboss.shrinkwrap.api.asset.StringAsset(
            FailingTestResource.class.getName()
                + "\n"
                + RouteListTestResource.class.getName()
                + "\n"),
        "META-INF/roundtable/api-resources");
    archive.addClasses(testClasses);
    return archive;
  }

  /** Like {@link #platform} with AssertJ, for tests that run inside the server. */
  public static WebArchive platformForInContainerTests(Class<?>... testClasses) {
    return platform(testClasses).addAsLibrary(jarOf(org.assertj.core.api.Assertions.class));
  }

  private static File jarOf(Class<?> type) {
    try {
      URL location = type.getProtectionDomain().getCodeSource().getLocation();
      return new File(location.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
