package org.roundtable.plugins.payments.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;

/**
 * Reading what a request names: ids that do not parse do not exist; dates say how to write them.
 */
public final class Requests {

  private Requests() {}

  public static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFound();
    }
  }

  static LocalDate date(String name, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new Refused(name, name + " must be a date like 2027-03-31");
    }
  }
}
