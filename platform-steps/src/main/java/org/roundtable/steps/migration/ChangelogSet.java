package org.roundtable.steps.migration;

import java.util.List;

/**
 * One changelog the migrator runs: its classpath resource and the tables Liquibase keeps its
 * history and lock in. The core runs first; plugins follow in dependency order, each with tables of
 * its own.
 *
 * @param path classpath resource, unique per owner ({@code db/<owner>/changelog.xml}); Liquibase
 *     makes it part of each changeset's identity
 * @param historyTable the table that records the changesets run
 */
public record ChangelogSet(String path, String historyTable) {

  /** The platform core's changelog. */
  public static final ChangelogSet CORE =
      new ChangelogSet("db/core/changelog.xml", "core_changelog");

  /** The tables Liquibase locks migrations with. */
  public String lockTable() {
    return historyTable + "_lock";
  }

  /** The changelogs of the platform, in the order they run. */
  public static List<ChangelogSet> platform() {
    return List.of(CORE);
  }
}
