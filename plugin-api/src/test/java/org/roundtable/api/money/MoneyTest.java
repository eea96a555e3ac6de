package org.roundtable.api.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void readsWhatPeopleType() {
    assertThat(Money.parse("4.50").pence()).isEqualTo(450);
    assertThat(Money.parse(" £4.5 ").pence()).isEqualTo(450);
    assertThat(Money.parse("£1,234.50").pence()).isEqualTo(123450);
    assertThat(Money.parse("30").pence()).isEqualTo(3000);
    assertThat(Money.parse("0").pence()).isZero();
  }

  @Test
  void refusesWhatIsNotAnAmountInPlainWords() {
    for (String typed : new String[] {"", "  ", "abc", "4.505", "-4.50", "£", "1e3x", null}) {
      assertThatThrownBy(() -> Money.parse(typed))
          .as(String.valueOf(typed))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Enter an amount in pounds and pence, like 4.50");
    }
  }

  @Test
  void showsAmountsOneWayNegativeOnesWithTheMinusSign() {
    assertThat(Money.ofPence(123450).display()).isEqualTo("£1,234.50");
    assertThat(Money.ofPence(5).display()).isEqualTo("£0.05");
    assertThat(Money.ofPence(-400).display()).isEqualTo("\u2212£4.00");
    assertThat(Money.ofPence(-50).display()).isEqualTo("\u2212£0.50");
  }

  @Test
  void givesFormsAndFinanceThePlainDecimalNegativeOnesIncluded() {
    assertThat(Money.ofPence(123450).decimal()).isEqualTo("1234.50");
    assertThat(Money.ofPence(-50).decimal()).isEqualTo("-0.50");
    assertThat(Money.parse(Money.ofPence(99).decimal())).isEqualTo(Money.ofPence(99));
  }

  @Test
  void addsAndSubtractsInPence() {
    assertThat(Money.ofPence(150).plus(Money.ofPence(250))).isEqualTo(Money.ofPence(400));
    assertThat(Money.ofPence(150).minus(Money.ofPence(250)).display()).isEqualTo("\u2212£1.00");
  }
}
