package org.roundtable.steps.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

/** Reads a changelog's changesets from the class path, without a database. */
public final class ChangelogReader {

  private ChangelogReader() {}

  /**
   * @param classLoader where the changelog and its includes are found
   * @param path the changelog, a class-path resource
   * @throws MigrationException when it cannot be read
   */
  public static List<ChangeSet> changeSets(ClassLoader classLoader, String path) {
    try {
      ResourceAccessor accessor = new ClassLoaderResourceAccessor(classLoader);
      return Scope.child(
          Map.of(Scope.Attr.resourceAccessor.name(), accessor),
          () -> {
            DatabaseChangeLog parsed =
                ChangeLogParserFactory.getInstance()
                    .getParser(path, accessor)
                    .parse(path, new ChangeLogParameters(), accessor);
            return parsed.getChangeSets();
          });
    } catch (Exception e) {
      throw new MigrationException("Cannot read changelog " + path, e);
    }
  }

  /**
   * The changesets each changelog holds, as the running application will expect them.
   *
   * @throws MigrationException naming a changelog that cannot be read
   */
  public static ExpectedChangesets expected(ClassLoader classLoader, List<ChangelogSet> sets) {
    List<ExpectedChangesets.Changelog> changelogs = new ArrayList<>();
    for (ChangelogSet set : sets) {
      changelogs.add(
          new ExpectedChangesets.Changelog(
              set,
              changeSets(classLoader, set.path()).stream()
                  .map(
                      changeSet ->
                          new ExpectedChangesets.Changeset(
                              changeSet.getId(), changeSet.getAuthor()))
                  .toList()));
    }
    return new ExpectedChangesets(changelogs);
  }
}
