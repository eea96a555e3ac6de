package org.roundtable.core.onboarding.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.core.tenancy.TenantFileException;

class TenantFileParserTest {

  @TempDir Path tenants;

  private static final String VALID =
      """
      slug: kirklees
      displayName: Kirklees Council
      hostnames:
        - roundtable.kirklees.example
      identity:
        realm: kirklees
      plugins:
        partnership-boards:
          enabled: true
          settings:
            quorum: 3
            name: Co-production Board
      """;

  @Test
  void readsAWellFormedFile() throws IOException {
    TenantFile file = TenantFileParser.parse(write("kirklees", VALID));

    assertThat(file.slug()).isEqualTo("kirklees");
    assertThat(file.displayName()).isEqualTo("Kirklees Council");
    assertThat(file.hostnames()).containsExactly("roundtable.kirklees.example");
    assertThat(file.realm()).isEqualTo("kirklees");
    assertThat(file.plugins().get("partnership-boards").enabled()).isTrue();
    assertThat(file.plugins().get("partnership-boards").settingsJson())
        .isEqualTo("{\"quorum\":3,\"name\":\"Co-production Board\"}");
    assertThat(file.hash()).hasSize(64);
  }

  @Test
  void theRepositorysOwnTenantFilesAreValid() {
    Path repository = Path.of("..", "tenants");

    assertThat(TenantFiles.readAll(repository))
        .extracting(TenantFile::slug)
        .contains("kirklees", "solihull");
  }

  @Test
  void aRealmNameThatIsNotAPlainWordOrIsKeycloaksOwnIsRefusedWithItsLine() throws IOException {
    for (String realm : new String[] {"master", "Kirklees", "../master", "a", "kirk lees"}) {
      Path file = write("kirklees", VALID.replace("realm: kirklees", "realm: \"" + realm + "\""));
      assertThatThrownBy(() -> TenantFileParser.parse(file))
          .isInstanceOf(TenantFileException.class)
          .hasMessageContaining(file + ":6")
          .hasMessageContaining("realm");
    }
  }

  @Test
  void twoFilesNamingOneRealmAreRefusedNamingBoth() throws IOException {
    Path first = write("kirklees", VALID);
    Path second =
        write(
            "calderdale",
            VALID
                .replace("slug: kirklees", "slug: calderdale")
                .replace("hostnames:\n  - roundtable.kirklees.example\n", ""));

    assertThatThrownBy(() -> TenantFiles.readAll(tenants))
        .isInstanceOf(TenantFileException.class)
        .hasMessageContaining(first.toString())
        .hasMessageContaining(second.toString())
        .hasMessageContaining("realm 'kirklees' is already the realm of");
  }

  @Test
  void brokenYamlIsReportedWithFileAndLine() throws IOException {
    Path file =
        write("kirklees", "slug: kirklees\ndisplayName: [unclosed\nidentity:\n  realm: k\n");

    assertThatThrownBy(() -> TenantFileParser.parse(file))
        .isInstanceOf(TenantFileException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining("is not valid YAML")
        .satisfies(e -> assertThat(((TenantFileException) e).line()).isBetween(2, 4));
  }

  @Test
  void eachMistakeNamesItsLine() throws IOException {
    assertProblem(
        VALID.replace("  realm: kirklees", "  realm: kirklees\n  colour: red"),
        7,
        "unknown key 'colour' in identity");
    assertProblem(
        VALID.replace("displayName: Kirklees Council\n", ""), 1, "displayName is missing");
    assertProblem(
        VALID.replace("enabled: true", "enabled: yes"),
        9,
        "enabled of plugin partnership-boards must be true or false");
    assertProblem(
        VALID.replace("  - roundtable.kirklees.example", "  - Not A Host!"),
        4,
        "is not a lower-case host name");
    assertProblem(
        VALID.replace("hostnames:\n  - roundtable.kirklees.example", "hostnames: one"),
        3,
        "hostnames must be a list");
    assertProblem(
        VALID.replace("slug: kirklees", "slug: solihull"),
        1,
        "must match its folder's name 'kirklees'");
    assertProblem(VALID + "slug: kirklees\n", 13, "appears twice");
  }

  @Test
  void reservedWordsCannotBeTenants() throws IOException {
    Path file = write("api", VALID.replace("slug: kirklees", "slug: api"));

    assertThatThrownBy(() -> TenantFileParser.parse(file))
        .hasMessage(file + ":1: slug 'api' is reserved for the platform's own paths");
  }

  @Test
  void anEditChangesTheHash() throws IOException {
    String before = TenantFileParser.parse(write("kirklees", VALID)).hash();
    String after =
        TenantFileParser.parse(write("kirklees", VALID.replace("Kirklees Council", "Kirklees")))
            .hash();

    assertThat(after).isNotEqualTo(before);
  }

  private void assertProblem(String yaml, int line, String problem) throws IOException {
    Path file = write("kirklees", yaml);
    assertThatThrownBy(() -> TenantFileParser.parse(file))
        .isInstanceOf(TenantFileException.class)
        .hasMessageStartingWith(file + ":" + line + ": ")
        .hasMessageContaining(problem);
  }

  private Path write(String folder, String yaml) throws IOException {
    Path file = tenants.resolve(folder).resolve("tenant.yaml");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, yaml);
  }
}
