package org.roundtable.api.plugin;

import java.util.Objects;

/**
 * A range of plugin-API versions in Maven's notation: {@code [1.0,2.0)} means 1.0 or later, before
 * 2.0. Versions compare by their numeric parts ({@code 1.10.0} is after {@code 1.9}).
 *
 * @since 1.0.0
 */
public final class VersionRange {

  private final String text;
  private final String lower;
  private final boolean lowerInclusive;
  private final String upper;
  private final boolean upperInclusive;

  private VersionRange(
      String text, String lower, boolean lowerInclusive, String upper, boolean upperInclusive) {
    this.text = text;
    this.lower = lower;
    this.lowerInclusive = lowerInclusive;
    this.upper = upper;
    this.upperInclusive = upperInclusive;
  }

  /**
   * Reads a range such as {@code [1.0,2.0)}, {@code [1.2,)} or {@code [1.0.0]}.
   *
   * @param text the range
   * @return the range
   * @throws IllegalArgumentException when it is not a range
   * @since 1.0.0
   */
  public static VersionRange parse(String text) {
    Objects.requireNonNull(text, "range");
    String range = text.strip();
    if (range.length() < 3
        || "[(".indexOf(range.charAt(0)) < 0
        || "])".indexOf(range.charAt(range.length() - 1)) < 0) {
      throw new IllegalArgumentException("'" + text + "' is not a version range like [1.0,2.0)");
    }
    boolean lowerInclusive = range.charAt(0) == '[';
    boolean upperInclusive = range.charAt(range.length() - 1) == ']';
    String inner = range.substring(1, range.length() - 1);
    int comma = inner.indexOf(',');
    String lower;
    String upper;
    if (comma < 0) {
      if (!lowerInclusive || !upperInclusive) {
        throw new IllegalArgumentException("'" + text + "': an exact version is written [1.0.0]");
      }
      lower = inner.strip();
      upper = lower;
    } else {
      lower = inner.substring(0, comma).strip();
      upper = inner.substring(comma + 1).strip();
    }
    for (String bound : new String[] {lower, upper}) {
      if (!bound.isEmpty() && !bound.matches("\\d+(\\.\\d+)*")) {
        throw new IllegalArgumentException("'" + text + "': '" + bound + "' is not a version");
      }
    }
    if (lower.isEmpty() && upper.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' has no bounds");
    }
    return new VersionRange(range, lower, lowerInclusive, upper, upperInclusive);
  }

  /**
   * Whether {@code version} lies in this range.
   *
   * @param version a version such as {@code 1.0.0}
   * @return whether it is in the range
   * @since 1.0.0
   */
  public boolean contains(String version) {
    if (!lower.isEmpty()) {
      int c = compare(version, lower);
      if (c < 0 || (c == 0 && !lowerInclusive)) {
        return false;
      }
    }
    if (!upper.isEmpty()) {
      int c = compare(version, upper);
      return c < 0 || (c == 0 && upperInclusive);
    }
    return true;
  }

  /**
   * Compares two versions by their numeric parts, missing parts counting as zero.
   *
   * @param a a version
   * @param b another version
   * @return negative, zero or positive as {@code a} is before, equal to or after {@code b}
   * @since 1.0.0
   */
  public static int compare(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      long l = i < left.length ? Long.parseLong(left[i]) : 0;
      long r = i < right.length ? Long.parseLong(right[i]) : 0;
      if (l != r) {
        return Long.compare(l, r);
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VersionRange range && range.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
