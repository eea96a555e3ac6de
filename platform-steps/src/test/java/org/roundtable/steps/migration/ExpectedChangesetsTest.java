package org.roundtable.steps.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedChangesetsTest {

  private static final ChangelogSet BOARDS =
      new ChangelogSet("db/boards/changelog.xml", "plugin_boards_changelog");

  @Test
  void theListReadsBackAsWrittenChangelogByChangelogInOrder() {
    ExpectedChangesets written =
        new ExpectedChangesets(
            List.of(
                new ExpectedChangesets.Changelog(
                    ChangelogSet.CORE,
                    List.of(
                        new ExpectedChangesets.Changeset("core-0001", "roundtable"),
                        new ExpectedChangesets.Changeset("core 0002: tenants", "someone else"))),
                new ExpectedChangesets.Changelog(
                    BOARDS,
                    List.of(new ExpectedChangesets.Changeset("boards-0001", "roundtable")))));

    ExpectedChangesets read = ExpectedChangesets.read(written.write(), "changesets.tsv");

    assertThat(read).isEqualTo(written);
    assertThat(read.changelogs())
        .extracting(ExpectedChangesets.Changelog::set)
        .containsExactly(ChangelogSet.CORE, BOARDS);
  }

  @Test
  void aLineThatCannotBeReadIsNamedWithItsSource() {
    String text =
        "# a comment\ncore_changelog\tdb/core/changelog.xml\tcore-0001\troundtable\nbad\n";

    assertThatThrownBy(() -> ExpectedChangesets.read(text, "META-INF/roundtable/changesets.tsv"))
        .isInstanceOf(MigrationException.class)
        .hasMessageStartingWith("META-INF/roundtable/changesets.tsv line 3:");
  }

  @Test
  void anIdWithATabIsRefusedWhenTheListIsWritten() {
    ExpectedChangesets list =
        new ExpectedChangesets(
            List.of(
                new ExpectedChangesets.Changelog(
                    BOARDS, List.of(new ExpectedChangesets.Changeset("a\tb", "roundtable")))));

    assertThatThrownBy(list::write)
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("db/boards/changelog.xml");
  }

  @Test
  void anApplicationAssembledWithoutAListHasNone() {
    assertThat(ExpectedChangesets.in(new ClassLoader(null) {})).isEmpty();
  }
}
