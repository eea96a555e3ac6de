package org.roundtable.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangelogTablesTest {

  @Test
  void findsTablesCreatedInSqlAndByCreateTable() {
    assertThat(ChangelogTables.of(getClass().getClassLoader(), "db/kit/changelog.xml"))
        .containsExactly("kit_board", "kit_seat", "kit_note");
  }
}
