package org.roundtable.api.tenancy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tenant's stable identifier: its slug, as it appears in URLs ({@code kirklees}).
 *
 * @param slug lower-case letters, digits and hyphens, starting with a letter, 2 to 40 characters
 * @since 1.0.0
 */
public record TenantRef(String slug) {

  private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  /**
   * Checks the slug's shape.
   *
   * @param slug the tenant's slug
   * @throws IllegalArgumentException if the slug is not a valid tenant slug
   * @since 1.0.0
   */
  public TenantRef {
    Objects.requireNonNull(slug, "slug");
    if (!isValidSlug(slug)) {
      throw new IllegalArgumentException(
          "A tenant slug is 2 to 40 lower-case letters, digits or hyphens, starting with a letter");
    }
  }

  /**
   * Whether a text has the shape of a tenant slug.
   *
   * @param candidate the text to check; may be null
   * @return true if it is a well-formed slug
   * @since 1.0.0
   */
  public static boolean isValidSlug(String candidate) {
    return candidate != null && SLUG.matcher(candidate).matches() && !candidate.endsWith("-");
  }

  @Override
  public String toString() {
    return slug;
  }
}
