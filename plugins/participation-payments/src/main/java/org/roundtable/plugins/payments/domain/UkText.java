package org.roundtable.plugins.payments.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Time as people in the UK read it: 2 hours 15 minutes, 5 March 2027 (money is {@code Money}). */
public final class UkText {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private UkText() {}

  static String hoursAndMinutes(long minutes) {
    long hours = minutes / 60;
    long rest = minutes % 60;
    String h = hours == 0 ? "" : hours + (hours == 1 ? " hour" : " hours");
    String m = rest == 0 ? "" : rest + (rest == 1 ? " minute" : " minutes");
    return h.isEmpty() ? (m.isEmpty() ? "0 minutes" : m) : m.isEmpty() ? h : h + " " + m;
  }

  public static String day(LocalDate day) {
    return DAY.format(day);
  }
}
