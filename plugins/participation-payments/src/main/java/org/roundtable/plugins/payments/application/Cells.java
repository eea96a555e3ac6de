package org.roundtable.plugins.payments.application;

/**
 * Text for a spreadsheet cell that a spreadsheet will not run: a value starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is a formula to Excel and its kin, so
 * it gets a leading apostrophe and is shown as text (the OWASP advice on CSV injection).
 */
public final class Cells {

  private Cells() {}

  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    if (first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r') {
      return "'" + value;
    }
    return value;
  }
}
