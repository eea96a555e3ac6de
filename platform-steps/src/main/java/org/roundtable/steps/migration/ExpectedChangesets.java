package org.roundtable.steps.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The changesets an assembled application expects in the database, changelog by changelog, as the
 * assembly listed them with Liquibase ({@link ChangelogReader}). The running application compares
 * them with the history tables ({@link SchemaStatus}) without Liquibase, which stays out of the WAR
 * (ADR 0041). Written as one line a changeset, tab-separated: history table, changelog, id, author.
 *
 * @param changelogs in the order they migrate
 */
public record ExpectedChangesets(List<Changelog> changelogs) {

  /** Where the assembly puts the list, a class-path resource of the application. */
  public static final String RESOURCE = "META-INF/roundtable/changesets.tsv";

  /** Where the list sits inside an assembled WAR. */
  public static final String WAR_ENTRY = "WEB-INF/classes/" + RESOURCE;

  private static final String HEADER =
      "# The changesets this application expects: history table, changelog, id, author."
          + " Written by the assembly.";

  /**
   * One changelog and its changesets.
   *
   * @param set the changelog and its history table
   * @param changesets in the order they run
   */
  public record Changelog(ChangelogSet set, List<Changeset> changesets) {

    public Changelog {
      changesets = List.copyOf(changesets);
    }
  }

  /** A changeset as Liquibase identifies it in its history table. */
  public record Changeset(String id, String author) {}

  public ExpectedChangesets {
    changelogs = List.copyOf(changelogs);
  }

  /**
   * The list as the assembly writes it.
   *
   * @throws MigrationException when a changeset's id or author holds a tab or a line break
   */
  public String write() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (Changelog changelog : changelogs) {
      for (Changeset changeset : changelog.changesets()) {
        String[] fields = {
          changelog.set().historyTable(), changelog.set().path(), changeset.id(), changeset.author()
        };
        for (String field : fields) {
          if (field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
            throw new MigrationException(
                "The changeset "
                    + changeset.id()
                    + " in "
                    + changelog.set().path()
                    + " has a tab or line break in its id or author: give it a plain one");
          }
        }
        text.append(String.join("\t", fields)).append('\n');
      }
    }
    return text.toString();
  }

  /**
   * Reads a list written by {@link #write()}.
   *
   * @param source what to name in an error: the resource or file it came from
   * @throws MigrationException naming the source and line of anything it cannot read
   */
  public static ExpectedChangesets read(String text, String source) {
    Map<ChangelogSet, List<Changeset>> byChangelog = new LinkedHashMap<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 4 || List.of(fields).stream().anyMatch(String::isEmpty)) {
        throw new MigrationException(
            source
                + " line "
                + (i + 1)
                + ": expected history table, changelog, id and author separated by tabs");
      }
      byChangelog
          .computeIfAbsent(new ChangelogSet(fields[1], fields[0]), set -> new ArrayList<>())
          .add(new Changeset(fields[2], fields[3]));
    }
    List<Changelog> changelogs = new ArrayList<>();
    byChangelog.forEach((set, changesets) -> changelogs.add(new Changelog(set, changesets)));
    return new ExpectedChangesets(changelogs);
  }

  /**
   * The list in {@code classLoader}'s application, if it was assembled with one.
   *
   * @throws MigrationException when it is there but cannot be read
   */
  public static Optional<ExpectedChangesets> in(ClassLoader classLoader) {
    try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(read(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE));
    } catch (IOException e) {
      throw new MigrationException("Cannot read " + RESOURCE, e);
    }
  }
}
