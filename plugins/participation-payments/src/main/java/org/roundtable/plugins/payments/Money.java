package org.roundtable.plugins.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Money and time as people in the UK read them: £1,234.50, 2 hours 15 minutes, 5 March 2027. */
final class Money {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private Money() {}

  /** £1,234.50 (or −£4.00). */
  static String pounds(long pence) {
    String sign = pence < 0 ? "−" : "";
    return sign + String.format(Locale.UK, "£%,.2f", BigDecimal.valueOf(Math.abs(pence), 2));
  }

  /** 1234.50: the plain decimal finance systems import. */
  static String decimal(long pence) {
    return BigDecimal.valueOf(pence, 2).toPlainString();
  }

  static String hoursAndMinutes(long minutes) {
    long hours = minutes / 60;
    long rest = minutes % 60;
    String h = hours == 0 ? "" : hours + (hours == 1 ? " hour" : " hours");
    String m = rest == 0 ? "" : rest + (rest == 1 ? " minute" : " minutes");
    return h.isEmpty() ? (m.isEmpty() ? "0 minutes" : m) : m.isEmpty() ? h : h + " " + m;
  }

  static String day(LocalDate day) {
    return DAY.format(day);
  }
}
