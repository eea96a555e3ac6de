package org.roundtable.plugins.training.pages;

import java.util.UUID;
import java.util.function.Function;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.web.FormErrors;

/** What the training pages read from a form and an address the same way. */
final class PageForms {

  private PageForms() {}

  /** One of a list of options; the page's words when it is not one. */
  static <E extends Enum<E>> E chosen(
      Class<E> type, String typed, String field, String message, FormErrors errors) {
    return parsed(typed, t -> Enum.valueOf(type, t), field, message, errors);
  }

  /** A person or record chosen from a list. */
  static UUID chosen(String typed, String field, String message, FormErrors errors) {
    return parsed(typed, UUID::fromString, field, message, errors);
  }

  /** A text that must be there, and not too long. */
  static void required(String typed, String field, String message, int longest, FormErrors errors) {
    if (typed.isBlank()) {
      errors.add(field, message);
    } else if (typed.length() > longest) {
      errors.add(field, "keep it to " + longest + " characters");
    }
  }

  /** A record's id from the address: anything else is a record that is not there. */
  static UUID fromAddress(String id, String what) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFound(what);
    }
  }

  private static <T> T parsed(
      String typed, Function<String, T> parse, String field, String message, FormErrors errors) {
    try {
      return parse.apply(typed);
    } catch (IllegalArgumentException | NullPointerException e) {
      errors.add(field, message);
      return null;
    }
  }
}
