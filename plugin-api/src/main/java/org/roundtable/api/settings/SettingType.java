package org.roundtable.api.settings;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The type of a setting's value: how it is read from and written to JSON, and what is valid. Use
 * the factories: {@link #text}, {@link #number}, {@link #bool}, {@link #choice}, {@link #money},
 * {@link #duration}, {@link #date}, {@link #list} and {@link #record}.
 *
 * @param <T> the Java type of the value
 * @since 1.0.0
 */
public abstract class SettingType<T> {

  private final String kind;

  private SettingType(String kind) {
    this.kind = kind;
  }

  /**
   * @return the kind of value, for forms: {@code text}, {@code number}, {@code boolean}, {@code
   *     choice}, {@code money}, {@code duration}, {@code date}, {@code list} or {@code record}
   * @since 1.0.0
   */
  public String kind() {
    return kind;
  }

  /**
   * @return for a {@code choice}, the values allowed, in order; else empty
   * @since 1.2.0
   */
  public List<String> choices() {
    return List.of();
  }

  /**
   * @return for a {@code list}, the type of its items; else empty
   * @since 1.2.0
   */
  public Optional<SettingType<?>> element() {
    return Optional.empty();
  }

  /**
   * @return for a {@code record}, its fields in the order a form shows them; else empty
   * @since 1.2.0
   */
  public Map<String, SettingType<?>> fields() {
    return Map.of();
  }

  /**
   * Reads and validates a value.
   *
   * @param json the value as JSON
   * @return the value
   * @throws IllegalArgumentException with a message fit for the person who entered it
   * @since 1.0.0
   */
  public abstract T read(JsonValue json);

  /**
   * Writes a value as JSON.
   *
   * @param value the value
   * @return its JSON form
   * @since 1.0.0
   */
  public abstract JsonValue write(T value);

  /**
   * Text of at most {@code maxLength} characters.
   *
   * @param maxLength the longest allowed
   * @return the type
   * @since 1.0.0
   */
  public static SettingType<String> text(int maxLength) {
    return new SettingType<>("text") {
      @Override
      public String read(JsonValue json) {
        if (!(json instanceof JsonString text)) {
          throw new IllegalArgumentException("must be text");
        }
        if (text.getString().length() > maxLength) {
          throw new IllegalArgumentException("must be at most " + maxLength + " characters");
        }
        return text.getString();
      }

      @Override
      public JsonValue write(String value) {
        return Json.createValue(value);
      }
    };
  }

  /**
   * A whole number from {@code min} to {@code max}.
   *
   * @param min the smallest allowed
   * @param max the largest allowed
   * @return the type
   * @since 1.0.0
   */
  public static SettingType<Long> number(long min, long max) {
    return new WholeNumber("number", min, max);
  }

  /**
   * An amount of money in pence, from 0 to {@code maxPence}.
   *
   * @param maxPence the largest allowed amount, in pence
   * @return the type
   * @since 1.0.0
   */
  public static SettingType<Long> money(long maxPence) {
    return new WholeNumber("money", 0, maxPence);
  }

  /**
   * Yes or no.
   *
   * @return the type
   * @since 1.0.0
   */
  public static SettingType<Boolean> bool() {
    return new SettingType<>("boolean") {
      @Override
      public Boolean read(JsonValue json) {
        if (json == JsonValue.TRUE) {
          return true;
        }
        if (json == JsonValue.FALSE) {
          return false;
        }
        throw new IllegalArgumentException("must be true or false");
      }

      @Override
      public JsonValue write(Boolean value) {
        return value ? JsonValue.TRUE : JsonValue.FALSE;
      }
    };
  }

  /**
   * One of a fixed set of values.
   *
   * @param choices the allowed values, in the order a form shows them
   * @return the type
   * @since 1.0.0
   */
  public static SettingType<String> choice(String... choices) {
    List<String> allowed = List.of(choices);
    return new SettingType<>("choice") {
      @Override
      public List<String> choices() {
        return allowed;
      }

      @Override
      public String read(JsonValue json) {
        if (!(json instanceof JsonString text) || !allowed.contains(text.getString())) {
          throw new IllegalArgumentException("must be one of " + String.join(", ", allowed));
        }
        return text.getString();
      }

      @Override
      public JsonValue write(String value) {
        return Json.createValue(value);
      }
    };
  }

  /**
   * A length of time, written in ISO 8601 ({@code PT2H30M}), from zero to {@code max}.
   *
   * @param max the longest allowed
   * @return the type
   * @since 1.0.0
   */
  public static SettingType<Duration> duration(Duration max) {
    return new SettingType<>("duration") {
      @Override
      public Duration read(JsonValue json) {
        Duration value;
        try {
          value = Duration.parse(((JsonString) json).getString());
        } catch (ClassCastException | DateTimeParseException e) {
          throw new IllegalArgumentException("must be a length of time such as PT2H30M");
        }
        if (value.isNegative() || value.compareTo(max) > 0) {
          throw new IllegalArgumentException("must be from zero to " + max);
        }
        return value;
      }

      @Override
      public JsonValue write(Duration value) {
        return Json.createValue(value.toString());
      }
    };
  }

  /**
   * A day, written {@code 2027-04-01}.
   *
   * @return the type
   * @since 1.0.0
   */
  public static SettingType<LocalDate> date() {
    return new SettingType<>("date") {
      @Override
      public LocalDate read(JsonValue json) {
        try {
          return LocalDate.parse(((JsonString) json).getString());
        } catch (ClassCastException | DateTimeParseException e) {
          throw new IllegalArgumentException("must be a date such as 2027-04-01");
        }
      }

      @Override
      public JsonValue write(LocalDate value) {
        return Json.createValue(value.toString());
      }
    };
  }

  /**
   * A list of at most {@code maxItems} values of one type.
   *
   * @param element the type of each value
   * @param maxItems the most values allowed
   * @param <E> the Java type of each value
   * @return the type
   * @since 1.0.0
   */
  public static <E> SettingType<List<E>> list(SettingType<E> element, int maxItems) {
    return new SettingType<>("list") {
      @Override
      public Optional<SettingType<?>> element() {
        return Optional.of(element);
      }

      @Override
      public List<E> read(JsonValue json) {
        if (!(json instanceof JsonArray array)) {
          throw new IllegalArgumentException("must be a list");
        }
        if (array.size() > maxItems) {
          throw new IllegalArgumentException("must have at most " + maxItems + " items");
        }
        List<E> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
          try {
            values.add(element.read(array.get(i)));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("item " + (i + 1) + " " + e.getMessage());
          }
        }
        return List.copyOf(values);
      }

      @Override
      public JsonValue write(List<E> value) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        value.forEach(item -> array.add(element.write(item)));
        return array.build();
      }
    };
  }

  /**
   * A small record of named fields, each of its own type; every field is required.
   *
   * @param fields the fields, in the order a form shows them
   * @return the type, whose values are maps from field name to value
   * @since 1.0.0
   */
  public static SettingType<Map<String, Object>> record(Map<String, SettingType<?>> fields) {
    Map<String, SettingType<?>> declared = new LinkedHashMap<>(fields);
    return new SettingType<>("record") {
      @Override
      public Map<String, SettingType<?>> fields() {
        return java.util.Collections.unmodifiableMap(declared);
      }

      @Override
      public Map<String, Object> read(JsonValue json) {
        if (!(json instanceof JsonObject object)) {
          throw new IllegalArgumentException("must be an object");
        }
        Set<String> unknown = new java.util.TreeSet<>(object.keySet());
        unknown.removeAll(declared.keySet());
        if (!unknown.isEmpty()) {
          throw new IllegalArgumentException("has unknown fields " + unknown);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, SettingType<?>> field : declared.entrySet()) {
          JsonValue value = object.get(field.getKey());
          if (value == null || value == JsonValue.NULL) {
            throw new IllegalArgumentException("needs " + field.getKey());
          }
          try {
            values.put(field.getKey(), field.getValue().read(value));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field.getKey() + " " + e.getMessage());
          }
        }
        return Map.copyOf(values);
      }

      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      public JsonValue write(Map<String, Object> value) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (Map.Entry<String, SettingType<?>> field : declared.entrySet()) {
          object.add(
              field.getKey(), ((SettingType) field.getValue()).write(value.get(field.getKey())));
        }
        return object.build();
      }
    };
  }

  private static final class WholeNumber extends SettingType<Long> {
    private final long min;
    private final long max;

    WholeNumber(String kind, long min, long max) {
      super(kind);
      this.min = min;
      this.max = max;
    }

    @Override
    public Long read(JsonValue json) {
      if (!(json instanceof JsonNumber number) || !number.isIntegral()) {
        throw new IllegalArgumentException("must be a whole number");
      }
      long value = number.longValue();
      if (value < min || value > max) {
        throw new IllegalArgumentException("must be from " + min + " to " + max);
      }
      return value;
    }

    @Override
    public JsonValue write(Long value) {
      return Json.createValue(value);
    }
  }
}
