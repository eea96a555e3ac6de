package org.roundtable.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.roundtable.steps.files.Folders;
import org.roundtable.steps.plugins.Assembly;

/** The files a test run prepares before its servers start: the WAR under test, tenant files. */
final class RunFiles {

  /** A folder of the plugin's own test councils, added to Kirklees and Solihull. */
  static final String MORE_COUNCILS = "roundtable.test.more-councils";

  private RunFiles() {}

  /**
   * When a module names the core WAR ({@code roundtable.test.core-war}), the application under test
   * is assembled from it with the same step operators use, into {@code roundtable.test.war}: with
   * the plugin module's JARs ({@code roundtable.test.plugin-jar}, the plugins it needs first,
   * comma-separated), or with none in the core's own build.
   */
  static void assemblePluginUnderTest() throws IOException {
    String coreWar = System.getProperty("roundtable.test.core-war");
    if (coreWar == null) {
      return;
    }
    String pluginJar = System.getProperty("roundtable.test.plugin-jar", "");
    Assembly.assemble(
        Path.of(coreWar),
        java.util.Arrays.stream(pluginJar.split(","))
            .map(String::strip)
            .filter(jar -> !jar.isEmpty())
            .map(Path::of)
            .toList(),
        Path.of(System.getProperty("roundtable.test.war")));
  }

  /**
   * The test councils' tenant files, copied so tests may edit them: those of {@code
   * roundtable.test.tenants} when it names a folder (the platform's own tests), else the ones this
   * JAR carries (Kirklees and Solihull, as in the project's {@code tenants/}) and the plugin's own
   * councils, from {@code roundtable.test.more-councils} (the plugin parent points it at {@code
   * src/test/councils}: a folder per council, each with its {@code tenant.yaml} and {@code
   * realm.json}).
   */
  static Path copyTenants() throws IOException {
    Path target = Path.of(System.getProperty("java.io.tmpdir"), "test-tenants");
    String named = System.getProperty("roundtable.test.tenants", "");
    if (named.isBlank()) {
      Folders.copy(Path.of(System.getProperty(MORE_COUNCILS, "src/test/councils")), target);
      for (String council : Platform.COUNCILS) {
        for (String file : new String[] {"tenant.yaml", "realm.json"}) {
          Path copy = target.resolve(council).resolve(file);
          Files.createDirectories(copy.getParent());
          try (InputStream carried =
              RunFiles.class.getResourceAsStream("tenants/" + council + "/" + file)) {
            if (carried == null) {
              throw new IOException("The testkit JAR lacks tenants/" + council + "/" + file);
            }
            Files.copy(carried, copy, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      return target;
    }
    Folders.copy(Path.of(named), target);
    return target;
  }

  /** The councils of this run, by slug: a folder each among the copied tenant files. */
  static List<String> councils() {
    Path copied = Path.of(System.getProperty("roundtable.test.tenants.dir"));
    try (Stream<Path> folders = Files.list(copied)) {
      return folders
          .filter(folder -> Files.isRegularFile(folder.resolve("tenant.yaml")))
          .map(folder -> folder.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the test councils in " + copied, e);
    }
  }
}
