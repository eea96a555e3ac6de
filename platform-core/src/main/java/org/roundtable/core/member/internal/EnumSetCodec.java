package org.roundtable.core.member.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores a small set of enum constants as one comma-separated column, in declaration order. (An
 * attribute converter on a {@code Set} field is taken by EclipseLink 4.0 for an element converter,
 * so entities keep the text and decode it themselves.)
 */
public final class EnumSetCodec {

  private EnumSetCodec() {}

  public static <E extends Enum<E>> String encode(Set<E> values) {
    if (values == null || values.isEmpty()) {
      return "";
    }
    return EnumSet.copyOf(values).stream().map(Enum::name).collect(Collectors.joining(","));
  }

  public static <E extends Enum<E>> Set<E> decode(String column, Class<E> type) {
    EnumSet<E> values = EnumSet.noneOf(type);
    if (column != null && !column.isBlank()) {
      Arrays.stream(column.split(",")).map(v -> Enum.valueOf(type, v.strip())).forEach(values::add);
    }
    return values;
  }
}
