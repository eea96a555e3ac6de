package org.roundtable.api.plugin;

import java.util.Objects;
import java.util.Set;

/**
 * A kind of record a plugin lets a council give a guest: someone from outside (another council's
 * coordinator, a health colleague presenting one item) invited by email to named records of it and
 * nothing else. A guest holds the {@code guest} role, which no permission grant names; what they
 * may do comes only from their grants, one per record, and only on endpoints marked {@link
 * org.roundtable.api.security.GuestAccess} for this resource.
 *
 * @param name {@code <pluginId>:<resource>}, e.g. {@code peer-challenge:challenges}
 * @param description what a guest of one such record sees and does, in plain words
 * @param permissions the plugin's permissions a guest holds on their records only
 * @param invitedBy the permission whoever invites a guest to one must hold (the plugin's or the
 *     core's)
 * @since 1.9.0
 */
public record GuestResource(
    String name, String description, Set<String> permissions, String invitedBy) {

  /**
   * Checks the declaration's shape.
   *
   * @throws IllegalArgumentException if the name is not {@code <plugin>:<resource>}, or a part is
   *     missing
   * @since 1.9.0
   */
  public GuestResource {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z][a-z0-9-]*:[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "A guest resource is <plugin>:<resource> in lower case, not '" + name + "'");
    }
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("A guest resource says what a guest sees: " + name);
    }
    permissions = Set.copyOf(permissions);
    Objects.requireNonNull(invitedBy, "invitedBy");
  }
}
