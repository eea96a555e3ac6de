package org.roundtable.api.money;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * An amount of money in pence, the one way the platform and its plugins hold, read and show money:
 * never a {@code double}. {@link #parse} reads what people type; {@link #display} is what they
 * read; {@link #decimal} is what forms and finance systems take back.
 *
 * @param pence the amount in pence (negative for money owed back)
 * @since 1.6.0
 */
public record Money(long pence) implements Comparable<Money> {

  /**
   * No money.
   *
   * @since 1.6.0
   */
  public static final Money ZERO = new Money(0);

  /** The sign shown before a negative amount: the minus sign, which screen readers say. */
  private static final String MINUS = "\u2212";

  /**
   * An amount in pence.
   *
   * @param pence the amount
   * @return the money
   * @since 1.6.0
   */
  public static Money ofPence(long pence) {
    return new Money(pence);
  }

  /**
   * Pounds and pence as someone typed them: {@code 4.50}, {@code £4.50}, {@code 1,234.5}, {@code
   * 30}. Never negative, at most two decimal places.
   *
   * @param typed what was typed
   * @return the money
   * @throws IllegalArgumentException with a message to show beside the field
   * @since 1.6.0
   */
  public static Money parse(String typed) {
    String text = typed == null ? "" : typed.strip().replace("£", "").replace(",", "").strip();
    try {
      BigDecimal pounds = new BigDecimal(text);
      if (pounds.signum() < 0 || pounds.scale() > 2) {
        throw new NumberFormatException();
      }
      return new Money(pounds.movePointRight(2).longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("Enter an amount in pounds and pence, like 4.50");
    }
  }

  /**
   * This and another amount.
   *
   * @param other the other amount
   * @return the sum
   * @since 1.6.0
   */
  public Money plus(Money other) {
    return new Money(Math.addExact(pence, other.pence));
  }

  /**
   * This less another amount.
   *
   * @param other the other amount
   * @return the difference
   * @since 1.6.0
   */
  public Money minus(Money other) {
    return new Money(Math.subtractExact(pence, other.pence));
  }

  /**
   * As people in the UK read it: {@code £1,234.50}, and {@code −£4.00} (with the minus sign) for a
   * negative amount.
   *
   * @return the text
   * @since 1.6.0
   */
  public String display() {
    return (pence < 0 ? MINUS : "")
        + String.format(Locale.UK, "£%,.2f", BigDecimal.valueOf(Math.abs(pence), 2));
  }

  /**
   * The plain decimal forms and finance systems read: {@code 1234.50}, {@code -4.00}.
   *
   * @return the text
   * @since 1.6.0
   */
  public String decimal() {
    return BigDecimal.valueOf(pence, 2).toPlainString();
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(pence, other.pence);
  }

  @Override
  public String toString() {
    return display();
  }
}
