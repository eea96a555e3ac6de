package org.roundtable.plugins.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.api.money.Money;
import org.roundtable.api.participation.Participation;
import org.roundtable.plugins.payments.application.Cells;

/** How the policy pays: rounding, preparation, half and full days, documents, who is paid. */
class PolicyTest {

  private static Policy policy(Duration preparation) {
    return new Policy(
        LocalDate.of(2027, 3, 1),
        List.of(
            Map.of("activityType", "board-meeting", "basis", "hour", "amount", 2500L),
            Map.of("activityType", "peer-challenge", "basis", "day", "amount", 15000L),
            Map.of("activityType", "document-review", "basis", "document", "amount", 3000L)),
        List.of("member", "chair"),
        true,
        preparation,
        4,
        45,
        1000,
        1000,
        500,
        List.of("childcare"));
  }

  @Test
  void anHourlyActivityIsPaidForItsTimeAndPreparationRoundedUpToTheQuarterHour() {
    Claim.Fee fee = policy(Duration.ofMinutes(30)).fee("board-meeting", 100, 0);
    // 100 + 30 = 130 minutes, paid as 2 h 15 min at £25 an hour.
    assertThat(fee.pence()).isEqualTo(5625);
    assertThat(fee.basis())
        .isEqualTo("2 hours 15 minutes (with 30 minutes preparation) at £25.00 an hour");
    assertThat(policy(Duration.ZERO).fee("board-meeting", 120, 0).pence()).isEqualTo(5000);
  }

  @Test
  void aDayRateIsHalvedUpToTheHalfDayHours() {
    assertThat(policy(Duration.ZERO).fee("peer-challenge", 240, 0).pence()).isEqualTo(7500);
    assertThat(policy(Duration.ZERO).fee("peer-challenge", 241, 0).pence()).isEqualTo(15000);
  }

  @Test
  void documentsArePaidEach() {
    Claim.Fee fee = policy(Duration.ZERO).fee("document-review", 0, 3);
    assertThat(fee.pence()).isEqualTo(9000);
    assertThat(fee.basis()).isEqualTo("3 documents at £30.00");
  }

  @Test
  void onlyPaidActivitiesInPaidRolesInLivedExperiencePlacesArePaid() {
    Policy policy = policy(Duration.ZERO);
    assertThat(policy.pays(participation("board-meeting", "member", true))).isTrue();
    assertThat(policy.pays(participation("board-meeting", "officer", false))).isFalse();
    assertThat(policy.pays(participation("board-meeting", "member", false)))
        .as("a member seat taken as part of someone's job")
        .isFalse();
    assertThat(policy.pays(participation("gardening", "member", true))).isFalse();
  }

  @Test
  void spreadsheetFormulasAreNeutralisedAndMoneyReadsAsPounds() {
    assertThat(Cells.text("=1+1")).isEqualTo("'=1+1");
    assertThat(Cells.text("+44 121")).isEqualTo("'+44 121");
    assertThat(Cells.text("-5")).isEqualTo("'-5");
    assertThat(Cells.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Cells.text("Carers Trust")).isEqualTo("Carers Trust");
    assertThat(Money.ofPence(123456).decimal()).isEqualTo("1234.56");
    assertThat(Money.ofPence(5).decimal()).isEqualTo("0.05");
    assertThat(Money.ofPence(123456).display()).isEqualTo("£1,234.56");
  }

  private static Participation participation(String type, String role, boolean lived) {
    return new Participation(
        UUID.randomUUID(),
        type,
        "A meeting",
        "ref",
        Instant.parse("2027-03-01T10:00:00Z"),
        Duration.ofHours(2),
        role,
        lived);
  }
}
