package org.roundtable.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The archetype as a council's developer uses it, outside this project: a plugin generated in a
 * temporary folder with {@code archetype:generate}, then its {@code mvn verify} (unit tests, the
 * testkit's boundary and table checks, and its integration test against the real platform).
 *
 * <p>This build's artifacts go into a temporary local repository; everything else comes from the
 * user's own local repository through a {@code file://} mirror, so nothing is downloaded again. The
 * generated build shares this build's PostgreSQL, Keycloak and built Keycloak distribution.
 */
class GeneratedPluginIT {

  private static final Path REACTOR = Path.of(System.getProperty("roundtable.reactor"));
  private static final String VERSION = System.getProperty("roundtable.version");
  private static final String API_VERSION = System.getProperty("plugin-api.version");

  /**
   * This build's artifacts a plugin's build needs: module, artifact id, version, packaging, and the
   * built file's name where it is not the usual one.
   */
  private static final List<String[]> REACTOR_ARTIFACTS =
      List.of(
          new String[] {".", "roundtable-parent", VERSION, "pom"},
          new String[] {"plugin-api", "roundtable-plugin-api", API_VERSION, "jar"},
          new String[] {"platform-steps", "roundtable-platform-steps", VERSION, "jar"},
          new String[] {"dev-servers", "roundtable-dev-servers", VERSION, "jar"},
          new String[] {"plugin-testkit", "roundtable-plugin-testkit", VERSION, "jar"},
          new String[] {"plugin-parent", "roundtable-plugin-parent", VERSION, "pom"},
          new String[] {"platform-core", "roundtable-core", VERSION, "war", "roundtable-core.war"},
          new String[] {"plugin-archetype", "roundtable-plugin-archetype", VERSION, "jar"});

  private static Path work;
  private static Path settings;
  private static boolean passed;

  @BeforeAll
  static void repositoryWithThisBuildsArtifacts() throws IOException {
    work = Files.createTempDirectory("roundtable-archetype-");
    Path repository = work.resolve("repository");
    for (String[] artifact : REACTOR_ARTIFACTS) {
      Path module = REACTOR.resolve(artifact[0]);
      Path folder = repository.resolve("org/roundtable").resolve(artifact[1]).resolve(artifact[2]);
      Files.createDirectories(folder);
      String base = artifact[1] + "-" + artifact[2];
      Files.copy(module.resolve("pom.xml"), folder.resolve(base + ".pom"));
      if (!artifact[3].equals("pom")) {
        String file = artifact.length > 4 ? artifact[4] : base + "." + artifact[3];
        Path built = module.resolve("target").resolve(file);
        assertThat(built).as("built by this build").exists();
        Files.copy(built, folder.resolve(base + "." + artifact[3]));
      }
    }
    settings = work.resolve("settings.xml");
    Files.writeString(
        settings,
        """
        <settings>
          <localRepository>%s</localRepository>
          <mirrors>
            <mirror>
              <id>users-local-repository</id>
              <mirrorOf>*</mirrorOf>
              <url>%s</url>
            </mirror>
          </mirrors>
        </settings>
        """
            .formatted(
                repository,
                Path.of(System.getProperty("user.local-repository")).toUri().toString()));
  }

  /** Removes the temporary folder, unless the generated build failed: its reports stay there. */
  @AfterAll
  static void removeTheTemporaryFolder() throws IOException {
    if (work == null || !passed) {
      return;
    }
    try (Stream<Path> files = Files.walk(work)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  @Test
  void aGeneratedPluginPassesItsOwnBuildAgainstTheRealPlatform() throws Exception {
    Run generated =
        maven(
            work,
            "org.apache.maven.plugins:maven-archetype-plugin:"
                + System.getProperty("archetype-plugin.version")
                + ":generate",
            "-DarchetypeGroupId=org.roundtable",
            "-DarchetypeArtifactId=roundtable-plugin-archetype",
            "-DarchetypeVersion=" + VERSION,
            "-DgroupId=org.example.council",
            "-DartifactId=ideas-plugin",
            "-Dversion=1.0.0-SNAPSHOT",
            "-Dpackage=org.example.council.ideas",
            "-DpluginId=ideas",
            "-DpluginName=Ideas");
    assertThat(generated.exit()).as(generated.tail()).isZero();
    Path plugin = work.resolve("ideas-plugin");
    assertThat(plugin.resolve("src/main/resources/db/ideas/changelog.xml"))
        .content()
        .contains("CREATE TABLE ideas_suggestion")
        .contains("platform_isolate_by_tenant('ideas_suggestion', '${app_role}'");
    assertThat(plugin.resolve("pom.xml")).content().contains("<version>" + VERSION + "</version>");

    Run verified =
        maven(
            plugin,
            "verify",
            "-Droundtable.keycloak.cache=" + System.getProperty("roundtable.keycloak.cache"),
            "-Droundtable.test.run-dir=" + System.getProperty("roundtable.test.run-dir"));

    assertThat(verified.exit()).as(verified.tail()).isZero();
    assertThat(verified.output())
        .contains("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed")
        .contains("SuggestionBoxIT")
        .contains("PluginTablesIT")
        .contains("SuggestionRulesTest")
        .contains("BUILD SUCCESS");
    passed = true;
  }

  private record Run(int exit, String output) {
    String tail() {
      String[] lines = output.split("\n");
      return String.join(
          "\n", List.of(lines).subList(Math.max(0, lines.length - 120), lines.length));
    }
  }

  private static Run maven(Path directory, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString());
    command.add("-B");
    command.add("-s");
    command.add(settings.toString());
    command.addAll(List.of(arguments));
    Path log = Files.createTempFile(work, "maven-", ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    // The generated build's own test summaries, in this build's log.
    output.lines().filter(l -> l.contains("Tests run:")).forEach(System.out::println);
    return new Run(process.isAlive() ? -1 : process.exitValue(), output);
  }
}
