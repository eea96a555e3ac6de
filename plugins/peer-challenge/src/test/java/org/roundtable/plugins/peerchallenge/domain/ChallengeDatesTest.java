package org.roundtable.plugins.peerchallenge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.roundtable.api.errors.Refused;

class ChallengeDatesTest {

  private static final LocalDate FIRST = LocalDate.of(2027, 6, 1);

  @Test
  void datesInTheOrderAChallengeRunsAreTaken() {
    Challenge.Dates dates =
        new Challenge.Dates(
            FIRST.minusMonths(3),
            FIRST,
            FIRST.plusDays(3),
            FIRST.plusDays(3),
            FIRST.plusMonths(1),
            FIRST.plusMonths(10));

    assertThat(dates.inOrder()).isSameAs(dates);
    assertThat(new Challenge.Dates(null, FIRST, FIRST, null, null, null).inOrder().onSiteTo())
        .as("a one-day visit, nothing else known yet")
        .isEqualTo(FIRST);
  }

  @Test
  void aDateBeforeTheOneItFollowsIsRefusedByName() {
    assertThatThrownBy(
            () -> new Challenge.Dates(null, FIRST, FIRST.minusDays(1), null, null, null).inOrder())
        .isInstanceOf(Refused.class)
        .hasMessage("the last day on site cannot be before the first");
    assertThatThrownBy(
            () ->
                new Challenge.Dates(FIRST.plusDays(1), FIRST, FIRST.plusDays(3), null, null, null)
                    .inOrder())
        .hasMessage("the days on site come after scoping");
    assertThatThrownBy(
            () ->
                new Challenge.Dates(null, FIRST, FIRST.plusDays(3), null, FIRST.plusDays(2), null)
                    .inOrder())
        .as("the report before the visit has ended")
        .hasMessage("the report is due after the visit");
    assertThatThrownBy(
            () ->
                new Challenge.Dates(
                        null,
                        FIRST,
                        FIRST.plusDays(3),
                        null,
                        FIRST.plusMonths(1),
                        FIRST.plusDays(20))
                    .inOrder())
        .hasMessage("the progress review comes after the report");
  }
}
