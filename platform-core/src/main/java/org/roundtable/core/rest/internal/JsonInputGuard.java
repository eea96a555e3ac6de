package org.roundtable.core.rest.internal;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.annotation.Priority;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import org.roundtable.core.plugin.InputShape;
import org.roundtable.core.request.ProblemException;
import org.roundtable.core.request.ProblemType;

/**
 * Every JSON body of the API is checked before anything binds it: the shape the endpoint reads (an
 * object, unless it reads a list or a bare value), at most {@value #MAX_DEPTH} levels deep, no text
 * longer than {@value #MAX_TEXT} characters, no control characters in text (tab and line breaks
 * excepted), no number beyond ±2<sup>53</sup>. What passes is then bound and validated field by
 * field (Bean Validation, the plugins' own rules); what fails is a 400 naming the field, never a
 * 500 from deeper down. The body is already bounded in bytes by {@code BoundedInput}.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonInputGuard implements ReaderInterceptor {

  /** The longest text any field of the API accepts before its own rules apply. */
  static final int MAX_TEXT = 50_000;

  static final int MAX_DEPTH = 16;

  private static final BigDecimal LARGEST = BigDecimal.valueOf(1L << 53);

  private static final byte[] EMPTY_OBJECT = {'{', '}'};

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type == null || !type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("json")) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    InputShape.Field shape = InputShape.of("body", context.getGenericType());
    if (isBlank(body) && shape.kind().equals("object")) {
      // No body where an object is read: an object with no fields, which the endpoint's own
      // validation then checks (a required field is named), never a null reaching the code.
      body = EMPTY_OBJECT.clone();
    }
    check(body, context.getType());
    conforms(body, shape);
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  /**
   * Checks each value against the type the endpoint binds it to, as JSON-B would not: a number or a
   * boolean where text is read, a fraction where a whole number is, a value outside a choice.
   * Unknown fields are left to the binding (it ignores them).
   *
   * @throws ProblemException a validation problem naming the first field at fault
   */
  static void conforms(byte[] body, InputShape.Field shape) {
    JsonValue value;
    try (var reader =
        JSON.createReader(
            new java.io.InputStreamReader(
                new ByteArrayInputStream(body), java.nio.charset.StandardCharsets.UTF_8))) {
      value = reader.readValue();
    }
    conforms(value, shape, "");
  }

  private static void conforms(JsonValue value, InputShape.Field shape, String path) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return; // absent: the endpoint's own validation says whether it is required
    }
    String name = path.isEmpty() ? "body" : path;
    JsonValue.ValueType type = value.getValueType();
    switch (shape.kind()) {
      case "text", "date", "time", "instant", "uuid" -> {
        if (type != JsonValue.ValueType.STRING) {
          throw ProblemException.invalid(name, "must be text in quotes");
        }
      }
      case "choice" -> {
        if (type != JsonValue.ValueType.STRING
            || !shape.choices().contains(((jakarta.json.JsonString) value).getString())) {
          throw ProblemException.invalid(name, "must be one of " + shape.choices());
        }
      }
      case "integer" -> {
        if (type != JsonValue.ValueType.NUMBER || !((jakarta.json.JsonNumber) value).isIntegral()) {
          throw ProblemException.invalid(name, "must be a whole number");
        }
      }
      case "number" -> {
        if (type != JsonValue.ValueType.NUMBER) {
          throw ProblemException.invalid(name, "must be a number");
        }
      }
      case "boolean" -> {
        if (type != JsonValue.ValueType.TRUE && type != JsonValue.ValueType.FALSE) {
          throw ProblemException.invalid(name, "must be true or false");
        }
      }
      case "list" -> {
        if (type != JsonValue.ValueType.ARRAY) {
          throw ProblemException.invalid(name, "must be a list");
        }
        JsonArray items = value.asJsonArray();
        for (int i = 0; i < items.size(); i++) {
          conforms(items.get(i), shape.fields().get(0), name + "[" + i + "]");
        }
      }
      case "object" -> {
        if (type != JsonValue.ValueType.OBJECT) {
          throw ProblemException.invalid(name, "must be a JSON object");
        }
        jakarta.json.JsonObject object = value.asJsonObject();
        for (InputShape.Field field : shape.fields()) {
          if (object.containsKey(field.name())) {
            conforms(
                object.get(field.name()),
                field,
                path.isEmpty() ? field.name() : path + "." + field.name());
          }
        }
      }
      default -> {
        // json: any value the endpoint reads as it is
      }
    }
  }

  /** Whether an endpoint reading this type must be sent a JSON object. */
  static boolean expectsObject(Class<?> type) {
    return !(Collection.class.isAssignableFrom(type)
        || type.isArray()
        || JsonArray.class.isAssignableFrom(type)
        || type == JsonValue.class
        || type == String.class
        || Number.class.isAssignableFrom(type)
        || type == Boolean.class
        || type.isPrimitive());
  }

  /**
   * Checks a body.
   *
   * @throws ProblemException a validation problem naming the first field at fault
   * @throws ProblemException an invalid-JSON problem when it is not JSON at all
   */
  static void check(byte[] body, Class<?> type) {
    boolean object = expectsObject(type);
    // A bare null is the absence of a body: the endpoint's own validation says it is required,
    // except where the JSON layer itself would have to make an object of it.
    boolean nullAllowed = !jakarta.json.JsonStructure.class.isAssignableFrom(type);
    Deque<String> path = new ArrayDeque<>();
    Deque<Integer> indexes = new ArrayDeque<>();
    boolean first = true;
    try (JsonParser parser =
        JSON.createParser(
            new java.io.InputStreamReader(
                new ByteArrayInputStream(body), java.nio.charset.StandardCharsets.UTF_8))) {
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (first) {
          first = false;
          boolean absent = event == JsonParser.Event.VALUE_NULL && nullAllowed;
          if (object && event != JsonParser.Event.START_OBJECT && !absent) {
            throw new ProblemException(
                ProblemType.INVALID_JSON,
                "The body must be a JSON object with the fields this address expects");
          }
        }
        switch (event) {
          case START_OBJECT, START_ARRAY -> {
            if (path.size() >= MAX_DEPTH) {
              throw ProblemException.invalid(name(path), "is nested too deeply");
            }
            advance(path, indexes);
            path.push(event == JsonParser.Event.START_ARRAY ? "[]" : "{}");
            indexes.push(-1);
          }
          case END_OBJECT, END_ARRAY -> {
            path.pop();
            indexes.pop();
          }
          case KEY_NAME -> {
            String key = parser.getString();
            if (key.length() > 100 || hasControl(key)) {
              throw ProblemException.invalid(name(path), "has a field name that is not plain");
            }
            path.pop();
            path.push("{}" + key);
          }
          case VALUE_STRING -> {
            advance(path, indexes);
            String text = parser.getString();
            if (text.length() > MAX_TEXT) {
              throw ProblemException.invalid(
                  name(path), "is longer than " + MAX_TEXT + " characters");
            }
            if (hasControl(text)) {
              throw ProblemException.invalid(
                  name(path), "contains control characters (only tabs and line breaks may)");
            }
          }
          case VALUE_NUMBER -> {
            advance(path, indexes);
            if (parser.getBigDecimal().abs().compareTo(LARGEST) > 0) {
              throw ProblemException.invalid(name(path), "is too large a number");
            }
          }
          default -> advance(path, indexes);
        }
      }
    } catch (JsonException e) {
      throw new ProblemException(
          ProblemType.INVALID_JSON,
          "The body is not valid JSON: send a JSON object with the fields this address expects");
    }
  }

  /** A value inside an array takes the next index. */
  private static void advance(Deque<String> path, Deque<Integer> indexes) {
    if (!path.isEmpty() && path.peek().startsWith("[]")) {
      int next = indexes.pop() + 1;
      indexes.push(next);
      path.pop();
      path.push("[]" + next);
    }
  }

  /** The field's name as the caller wrote it: {@code rates[0].amount}. */
  private static String name(Deque<String> path) {
    StringBuilder name = new StringBuilder();
    var steps = new java.util.ArrayList<>(path);
    java.util.Collections.reverse(steps);
    for (String step : steps) {
      if (step.startsWith("[]") && step.length() > 2) {
        name.append('[').append(step.substring(2)).append(']');
      } else if (step.startsWith("{}") && step.length() > 2) {
        name.append(name.length() == 0 ? "" : ".").append(step.substring(2));
      }
    }
    return name.length() == 0 ? "body" : name.toString();
  }

  private static boolean hasControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r')
          || c == 0x7f
          || (c >= 0x80 && c < 0xa0)) {
        return true;
      }
    }
    return false;
  }
}
