package org.roundtable.plugins.training.api;

import java.util.UUID;
import org.roundtable.api.errors.NotFound;

/** An id from an address: anything that is not one is a record that is not there. */
final class Ids {

  private Ids() {}

  static UUID of(String id, String what) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new NotFound(what);
    }
  }
}
