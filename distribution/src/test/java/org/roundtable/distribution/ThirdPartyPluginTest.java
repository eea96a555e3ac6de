package org.roundtable.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.core.testing.ThirdPartyPlugin;
import org.roundtable.steps.migration.ExpectedChangesets;
import org.roundtable.steps.plugins.Assembly;
import org.roundtable.steps.plugins.PluginProblem;

/**
 * An operator adds a third-party plugin to the built core without rebuilding it from source: a
 * small plugin compiled here against the plugin API alone, put through the assembly step the run
 * command and the image use. A plugin the platform cannot run is refused with its name.
 */
class ThirdPartyPluginTest {

  @TempDir Path work;

  @Test
  void aSeparatelyBuiltPluginIsAssembledIntoTheShippedCore() throws Exception {
    Path jar = plugin("greetings", "[1.0,2.0)");

    Assembly.Result result = Assembly.assemble(coreWar(), List.of(jar), work.resolve("app.war"));

    assertThat(result.plugins()).extracting(p -> p.id()).containsExactly("greetings");
    try (ZipFile war = new ZipFile(result.war().toFile())) {
      assertThat(war.getEntry("WEB-INF/lib/greetings.jar")).isNotNull();
      String persistence =
          new String(
              war.getInputStream(war.getEntry("WEB-INF/classes/META-INF/persistence.xml"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(persistence).doesNotContain("<jar-file>");
    }
  }

  @Test
  void aPluginsPersistentClassesJoinTheUnitByNameAfterTheCores() throws Exception {
    Path jar = ThirdPartyPlugin.buildWithEntities(work, "greetings");

    Assembly.Result result = Assembly.assemble(coreWar(), List.of(jar), work.resolve("app.war"));

    try (ZipFile war = new ZipFile(result.war().toFile())) {
      String persistence =
          new String(
              war.getInputStream(war.getEntry("WEB-INF/classes/META-INF/persistence.xml"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      // The entity it declares and the embeddable it does not, nothing else of the JAR: the
      // persistence provider reads only these at start, never the JAR's every class.
      assertThat(persistence)
          .contains("<class>example.domain.Greeting</class>")
          .contains("<class>example.domain.Wording</class>")
          .doesNotContain("example.domain.Greetings<")
          .doesNotContain("PluginGreetings")
          .doesNotContain("<jar-file>");
      int lastCoreClass = persistence.indexOf("BenefitLimitFigure</class>");
      assertThat(lastCoreClass).isPositive();
      assertThat(persistence.indexOf("<class>example.domain.Greeting</class>"))
          .isGreaterThan(lastCoreClass)
          .isLessThan(persistence.indexOf("<exclude-unlisted-classes>"));
    }
  }

  @Test
  void theAssembledApplicationListsTheChangesetsItExpectsTheCoresFirst() throws Exception {
    Path jar =
        ThirdPartyPlugin.buildWithChangelog(
            work,
            "greetings",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <databaseChangeLog
                xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                    http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
              <changeSet id="greetings-0001" author="a-third-party">
                <sql>SELECT 1</sql>
              </changeSet>
            </databaseChangeLog>
            """);

    Assembly.Result result = Assembly.assemble(coreWar(), List.of(jar), work.resolve("app.war"));

    try (ZipFile war = new ZipFile(result.war().toFile())) {
      List<String> lines =
          new String(
                  war.getInputStream(war.getEntry(ExpectedChangesets.WAR_ENTRY)).readAllBytes(),
                  StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.startsWith("#"))
              .toList();
      // What the running application checks the history tables against, without Liquibase.
      assertThat(lines.get(0)).startsWith("core_changelog\tdb/core/changelog.xml\t");
      assertThat(lines)
          .endsWith(
              "plugin_greetings_changelog\tdb/greetings/changelog.xml\tgreetings-0001\ta-third-party");
      assertThat(war.stream().map(ZipEntry::getName))
          .as("no Liquibase in the application")
          .noneMatch(name -> name.startsWith("WEB-INF/lib/liquibase"));
    }
  }

  @Test
  void aPluginWhoseChangelogIsMissingIsRefusedWithTheChangelogNamed() throws Exception {
    Path jar = ThirdPartyPlugin.buildWithChangelog(work, "greetings", null);

    assertThatThrownBy(() -> Assembly.assemble(coreWar(), List.of(jar), work.resolve("app.war")))
        .hasMessageContaining("db/greetings/changelog.xml");
  }

  @Test
  void theSameCoreAndPluginsAssembleToTheSameBytes() throws Exception {
    Path jar = plugin("greetings", "[1.0,2.0)");

    Path first = Assembly.assemble(coreWar(), List.of(jar), work.resolve("first.war")).war();
    Thread.sleep(2100); // zip entry times have a two-second resolution
    Path second = Assembly.assemble(coreWar(), List.of(jar), work.resolve("second.war")).war();

    // The image holds the assembled WAR: a rebuild from the same sources is the same image.
    assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
  }

  @Test
  void aPluginForAnotherApiVersionIsRefusedByName() throws Exception {
    Path jar = plugin("futuristic", "[2.0,3.0)");

    assertThatThrownBy(() -> Assembly.assemble(coreWar(), List.of(jar), work.resolve("app.war")))
        .isInstanceOf(PluginProblem.class)
        .hasMessageContaining("'futuristic'")
        .hasMessageContaining("needs plugin API [2.0,3.0)");
    assertThat(work.resolve("app.war")).doesNotExist();
  }

  @Test
  void aPluginWithAReservedIdIsRefusedByName() throws Exception {
    Path jar = plugin("login", "[1.0,2.0)");

    assertThatThrownBy(() -> Assembly.assemble(coreWar(), List.of(jar), work.resolve("app.war")))
        .hasMessageContaining("'login' is reserved");
  }

  private static Path coreWar() {
    return Path.of(System.getProperty("roundtable.test.core-war"));
  }

  private Path plugin(String id, String apiRange) throws IOException {
    return ThirdPartyPlugin.build(work, id, apiRange);
  }
}
