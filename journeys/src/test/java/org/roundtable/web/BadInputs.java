package org.roundtable.web;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * TEST ONLY: every wrong value a caller can send to an endpoint, generated from what it reads (its
 * body's fields and query parameters as the route list describes them): malformed JSON, wrong
 * types, oversized text, impossible dates, odd ids, negative and huge numbers, control characters.
 * Each bad value goes into an otherwise plausible body, so it is the one thing wrong.
 */
final class BadInputs {

  /** Bodies that are not the JSON an endpoint reads at all. */
  static final List<String> MALFORMED =
      List.of("{", "{\"a\":", "[]", "null", "\"text\"", "42", "true", "{\"a\":1}}", "\u00ff\u00fe");

  private static final String HUGE_TEXT = "x".repeat(60_000);

  private BadInputs() {}

  /** One request body with one field wrong, and which field. */
  record Body(String field, String json) {}

  /** Every body with exactly one wrong field, for each field (and each nested field) in turn. */
  static List<Body> bodies(Routes.Field body) {
    List<Body> bodies = new ArrayList<>();
    if (!body.kind().equals("object")) {
      for (JsonValue bad : badValues(body)) {
        bodies.add(new Body("body", bad.toString()));
      }
      return bodies;
    }
    for (Routes.Field field : body.fields()) {
      for (JsonValue bad : badValues(field)) {
        bodies.add(new Body(field.name(), plausible(body, field, bad).toString()));
      }
      if (field.kind().equals("object")) {
        for (Routes.Field inner : field.fields()) {
          for (JsonValue bad : badValues(inner)) {
            JsonValue nested = plausible(field, inner, bad);
            bodies.add(
                new Body(
                    field.name() + "." + inner.name(), plausible(body, field, nested).toString()));
          }
        }
      }
    }
    return bodies;
  }

  /** The wrong values of a field's kind, as JSON. */
  static List<JsonValue> badValues(Routes.Field field) {
    List<Object> values =
        switch (field.kind()) {
          case "text" ->
              List.of(123, true, json("{}"), json("[]"), HUGE_TEXT, "a\u0000b", "\u001b[2J");
          case "integer" ->
              List.of("abc", 1.5, -1, 9_007_199_254_740_993L, json("1e30"), true, json("{}"));
          case "number" -> List.of("abc", -1, json("1e30"), true);
          case "boolean" -> List.of("yes", 1, json("[]"));
          case "date" -> List.of("2027-02-30", "31/02/2027", "not a date", 20270230, "2027-13-01");
          case "time" -> List.of("25:61", "noon", 1030);
          case "instant" -> List.of("yesterday", "2027-02-30T10:00:00Z", 1);
          case "uuid" -> List.of("not-a-uuid", "../../etc/passwd", "' OR '1'='1", "", 7, "\u0000");
          case "choice" -> List.of("NOT_A_CHOICE", "", 1, json("[]"));
          case "list" -> List.of("x", json("{}"), 1);
          case "object", "json" -> List.of("x", json("[]"), 1, true);
          default -> List.of();
        };
    List<JsonValue> json = new ArrayList<>();
    for (Object value : values) {
      json.add(value instanceof JsonValue v ? v : Json.createValue(value.toString()));
      if (value instanceof Number number) {
        json.set(json.size() - 1, json(number.toString()));
      } else if (value instanceof Boolean b) {
        json.set(json.size() - 1, b ? JsonValue.TRUE : JsonValue.FALSE);
      }
    }
    return json;
  }

  /** Bad values for a query parameter or a path segment, as text. */
  static List<String> badText(String kind) {
    return switch (kind) {
      case "integer", "number" -> List.of("abc", "-1", "99999999999999999999", "1e30");
      case "date" -> List.of("2027-02-30", "31-02-2027");
      case "choice" -> List.of("NOT_A_CHOICE");
      case "uuid" -> List.of("not-a-uuid", "0");
      default -> List.of("x".repeat(3000), "%00", "%1B%5B2J");
    };
  }

  /** An object of these fields with plausible values, one of them replaced by {@code bad}. */
  private static JsonValue plausible(Routes.Field object, Routes.Field wrong, JsonValue bad) {
    JsonObjectBuilder built = Json.createObjectBuilder();
    for (Routes.Field field : object.fields()) {
      built.add(field.name(), field == wrong ? bad : plausible(field));
    }
    return built.build();
  }

  /** A plausible value of a field's kind. */
  static JsonValue plausible(Routes.Field field) {
    return switch (field.kind()) {
      case "text" -> Json.createValue("Fuzz");
      case "integer", "number" -> Json.createValue(1);
      case "boolean" -> JsonValue.FALSE;
      case "date" -> Json.createValue("2027-06-01");
      case "time" -> Json.createValue("10:00");
      case "instant" -> Json.createValue("2027-06-01T10:00:00Z");
      case "uuid" -> Json.createValue(UUID.randomUUID().toString());
      case "choice" -> Json.createValue(field.choices().get(0));
      case "list" -> Json.createArrayBuilder().build();
      case "object" -> {
        JsonObjectBuilder inner = Json.createObjectBuilder();
        field.fields().forEach(f -> inner.add(f.name(), plausible(f)));
        yield inner.build();
      }
      default -> Json.createObjectBuilder().build();
    };
  }

  private static JsonValue json(String text) {
    try (var reader = Json.createReader(new java.io.StringReader("[" + text + "]"))) {
      return reader.readArray().get(0);
    }
  }
}
