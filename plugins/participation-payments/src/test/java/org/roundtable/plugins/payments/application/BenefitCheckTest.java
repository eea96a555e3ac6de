package org.roundtable.plugins.payments.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.roundtable.api.reference.BenefitLimits;
import org.roundtable.plugins.payments.application.BenefitCheck.Option;
import org.roundtable.plugins.payments.application.BenefitCheck.Window;

/** When a fee would take someone over a benefit's earnings limit, and what they are offered. */
class BenefitCheckTest {

  private static final BenefitLimits.Limit CARERS_ALLOWANCE =
      new BenefitLimits.Limit(
          "carers-allowance",
          "Carer's Allowance earnings limit",
          BenefitLimits.Period.WEEK,
          19_600,
          LocalDate.of(2026, 4, 6),
          "");

  private static final BenefitLimits.Limit MONTHLY =
      new BenefitLimits.Limit(
          "monthly",
          "A monthly limit",
          BenefitLimits.Period.MONTH,
          50_000,
          LocalDate.of(2026, 4, 6),
          "");

  private static final Window WEEK =
      Window.around(BenefitLimits.Period.WEEK, LocalDate.of(2027, 3, 3));

  @Test
  void aWeeklyLimitCountsMondayToSundayAndAMonthlyOneTheCalendarMonth() {
    assertThat(WEEK).isEqualTo(new Window(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 7)));
    assertThat(Window.around(BenefitLimits.Period.WEEK, LocalDate.of(2027, 3, 7))).isEqualTo(WEEK);
    assertThat(Window.around(BenefitLimits.Period.MONTH, LocalDate.of(2028, 2, 14)))
        .isEqualTo(new Window(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29)));
  }

  @Test
  void feesUpToTheLimitGiveNoWarning() {
    assertThat(BenefitCheck.against(CARERS_ALLOWANCE, WEEK, 9_600, 10_000, false, "")).isEmpty();
  }

  @Test
  void aFeeThatWouldCrossTheLimitSaysHowMuchStaysWithinItAndOffersEveryWayOut() {
    BenefitCheck.Warning warning =
        BenefitCheck.against(CARERS_ALLOWANCE, WEEK, 15_000, 7_500, false, "Ask the welfare team")
            .orElseThrow();

    assertThat(warning.totalPence()).isEqualTo(22_500);
    assertThat(warning.highestFeeWithinPence()).isEqualTo(4_600);
    assertThat(warning.alreadyOver()).isFalse();
    assertThat(warning.options())
        .containsExactly(Option.VOUCHERS, Option.LOWER_AMOUNT, Option.DECLINE);
    assertThat(warning.message())
        .contains("would be £225.00")
        .contains("is £196.00 a week")
        .contains("A fee of up to £46.00 would stay within it.");
    assertThat(warning.advice()).isEqualTo("Ask the welfare team");
  }

  @Test
  void someoneAlreadyOverIsNotOfferedALowerAmount() {
    BenefitCheck.Warning warning =
        BenefitCheck.against(CARERS_ALLOWANCE, WEEK, 20_000, 2_500, false, "").orElseThrow();

    assertThat(warning.alreadyOver()).isTrue();
    assertThat(warning.highestFeeWithinPence()).isZero();
    assertThat(warning.options()).containsExactly(Option.VOUCHERS, Option.DECLINE);
    assertThat(warning.message()).contains("already over it for this week");
  }

  @Test
  void whereVouchersCountAsEarningsTheyAreNotOfferedAsAWayOut() {
    Window march = Window.around(BenefitLimits.Period.MONTH, LocalDate.of(2027, 3, 3));

    BenefitCheck.Warning warning =
        BenefitCheck.against(MONTHLY, march, 45_000, 7_500, true, "").orElseThrow();

    assertThat(warning.options()).containsExactly(Option.LOWER_AMOUNT, Option.DECLINE);
    assertThat(warning.message()).contains("for the month of");
  }
}
