package org.roundtable.plugins.boards.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many of a board must take part in a meeting for its decisions to stand. */
class QuorumTest {

  @Test
  void theCouncilsShareOfTheSeatedMembersIsRoundedUp() {
    assertThat(Meetings.Quorum.of(7, 50, 4).required()).isEqualTo(4);
    assertThat(Meetings.Quorum.of(8, 50, 4).required()).isEqualTo(4);
    assertThat(Meetings.Quorum.of(10, 33, 0).required()).isEqualTo(4);
  }

  @Test
  void aMeetingIsQuorateWhenEnoughTookPart() {
    assertThat(Meetings.Quorum.of(7, 50, 4).quorate()).isTrue();
    assertThat(Meetings.Quorum.of(7, 50, 3).quorate()).isFalse();
  }

  @Test
  void aBoardWithNobodySeatedStillNeedsSomeoneThere() {
    Meetings.Quorum empty = Meetings.Quorum.of(0, 50, 0);

    assertThat(empty.required()).isEqualTo(1);
    assertThat(empty.quorate()).isFalse();
  }
}
