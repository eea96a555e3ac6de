package org.roundtable.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Run by every plugin's build (the plugin parent scans the testkit for it): every table the plugin
 * under test's changelog creates holds the first isolation lock ({@link TableCheck}), on the
 * database the run migrated with the plugin's changelog; every entity it ships holds the second
 * ({@link PluginEntities}).
 */
class PluginTablesIT {

  @Test
  void everyTableOfThePluginIsIsolatedByTenant() throws Exception {
    List<String> tables = PluginUnderTest.tables();
    System.out.printf(
        "Isolation of %s's %d tables: %s%n",
        PluginUnderTest.descriptor().id(), tables.size(), String.join(", ", tables));
    try (Connection owner =
        DriverManager.getConnection(
            System.getProperty("roundtable.test.db.url"),
            System.getProperty("roundtable.test.db.owner-user"),
            System.getProperty("roundtable.test.db.owner-password"))) {
      List<String> problems =
          new TableCheck(owner, System.getProperty("roundtable.test.db.app-user")).problems(tables);
      assertThat(problems)
          .as("tables of %s: %s", PluginUnderTest.descriptor().id(), tables)
          .isEmpty();
    }
  }

  @Test
  void everyEntityOfThePluginIsFilteredByTenantAndMapsToOneOfItsTables() throws Exception {
    java.nio.file.Path jar = PluginUnderTest.jars().get(PluginUnderTest.jars().size() - 1);
    List<Class<?>> entities = PluginEntities.entitiesIn(jar);
    System.out.printf("Entities of %s: %d%n", PluginUnderTest.descriptor().id(), entities.size());
    assertThat(PluginEntities.problems(jar, PluginUnderTest.tables())).isEmpty();
  }
}
