package org.roundtable.core.plugin;

import jakarta.json.JsonValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What an endpoint reads, as its Java types say: its query parameters and the fields of its JSON
 * body, each with a kind ({@code text}, {@code integer}, {@code number}, {@code boolean}, {@code
 * date}, {@code time}, {@code instant}, {@code uuid}, {@code choice}, {@code list}, {@code object},
 * {@code json}). Enough for a test to send each field every wrong value there is.
 */
public final class InputShape {

  private static final Set<Class<? extends Annotation>> NOT_THE_BODY =
      Set.of(
          PathParam.class,
          QueryParam.class,
          FormParam.class,
          HeaderParam.class,
          CookieParam.class,
          MatrixParam.class,
          BeanParam.class,
          Context.class);

  private InputShape() {}

  /**
   * One value an endpoint reads.
   *
   * @param name its name (the query parameter's, or the body field's)
   * @param kind what it is
   * @param choices the allowed values of a {@code choice}
   * @param fields the fields of an {@code object}, or of a {@code list}'s items
   */
  public record Field(String name, String kind, List<String> choices, List<Field> fields) {}

  /** The query parameters of a resource method. */
  static List<Field> query(Method method) {
    List<Field> query = new ArrayList<>();
    for (java.lang.reflect.Parameter parameter : method.getParameters()) {
      QueryParam name = parameter.getAnnotation(QueryParam.class);
      if (name != null) {
        query.add(describe(name.value(), parameter.getParameterizedType(), 0));
      }
    }
    return query;
  }

  /** The JSON body of a resource method, if it reads one. */
  static Optional<Field> body(Method method) {
    for (java.lang.reflect.Parameter parameter : method.getParameters()) {
      boolean annotated =
          java.util.Arrays.stream(parameter.getAnnotations())
              .anyMatch(a -> NOT_THE_BODY.contains(a.annotationType()));
      Class<?> type = parameter.getType();
      if (annotated
          || type.getName().startsWith("jakarta.ws.rs.")
          || type == java.io.InputStream.class
          || type == byte[].class) {
        continue;
      }
      return Optional.of(describe("body", parameter.getParameterizedType(), 0));
    }
    return Optional.empty();
  }

  /** What a value of this Java type reads as JSON. */
  public static Field of(String name, Type type) {
    return describe(name, type, 0);
  }

  private static Field describe(String name, Type type, int depth) {
    Class<?> raw = raw(type);
    if (raw == Optional.class && type instanceof ParameterizedType p) {
      return describe(name, p.getActualTypeArguments()[0], depth);
    }
    if (raw == String.class || raw == char.class || raw == Character.class) {
      return leaf(name, "text");
    }
    if (raw == int.class
        || raw == long.class
        || raw == short.class
        || raw == Integer.class
        || raw == Long.class
        || raw == Short.class) {
      return leaf(name, "integer");
    }
    if (raw == double.class
        || raw == float.class
        || raw == Double.class
        || raw == Float.class
        || Number.class.isAssignableFrom(raw)) {
      return leaf(name, "number");
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return leaf(name, "boolean");
    }
    if (raw == LocalDate.class) {
      return leaf(name, "date");
    }
    if (raw == LocalTime.class) {
      return leaf(name, "time");
    }
    if (raw == Instant.class || raw == OffsetDateTime.class || raw == LocalDateTime.class) {
      return leaf(name, "instant");
    }
    if (raw == UUID.class) {
      return leaf(name, "uuid");
    }
    if (raw.isEnum()) {
      List<String> choices = new ArrayList<>();
      for (Object constant : raw.getEnumConstants()) {
        choices.add(((Enum<?>) constant).name());
      }
      return new Field(name, "choice", List.copyOf(choices), List.of());
    }
    if (JsonValue.class.isAssignableFrom(raw) || raw == Object.class || depth > 3) {
      return leaf(name, "json");
    }
    if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      Type item =
          raw.isArray()
              ? raw.getComponentType()
              : type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
      return new Field(name, "list", List.of(), List.of(describe("item", item, depth + 1)));
    }
    return new Field(name, "object", List.of(), fieldsOf(raw, depth + 1));
  }

  private static List<Field> fieldsOf(Class<?> type, int depth) {
    List<Field> fields = new ArrayList<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        fields.add(describe(component.getName(), component.getGenericType(), depth));
      }
      return fields;
    }
    for (java.lang.reflect.Field field : type.getFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        fields.add(describe(field.getName(), field.getGenericType(), depth));
      }
    }
    return fields;
  }

  private static Field leaf(String name, String kind) {
    return new Field(name, kind, List.of(), List.of());
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }
}
