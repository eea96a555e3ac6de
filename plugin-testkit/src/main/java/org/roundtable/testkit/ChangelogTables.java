package org.roundtable.testkit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.change.Change;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import org.roundtable.steps.migration.ChangelogReader;

/** The tables a changelog creates, whether through {@code <createTable>} or plain SQL. */
public final class ChangelogTables {

  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:public\\.)?\"?(\\w+)",
          Pattern.CASE_INSENSITIVE);

  private ChangelogTables() {}

  /**
   * @param classLoader where the changelog is found
   * @param path the changelog, a class-path resource
   */
  public static List<String> of(ClassLoader classLoader, String path) {
    Set<String> tables = new LinkedHashSet<>();
    for (ChangeSet changeSet : ChangelogReader.changeSets(classLoader, path)) {
      for (Change change : changeSet.getChanges()) {
        if (change instanceof CreateTableChange create) {
          tables.add(create.getTableName().toLowerCase(Locale.ROOT));
        } else if (change instanceof RawSQLChange sql && sql.getSql() != null) {
          Matcher created = CREATE_TABLE.matcher(sql.getSql());
          while (created.find()) {
            tables.add(created.group(1).toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return List.copyOf(tables);
  }
}
