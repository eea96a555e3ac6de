package org.roundtable.api.plugin;

import java.util.Objects;
import java.util.Set;

/**
 * A permission a plugin declares: {@code <pluginId>:<resource>:<action>}, what it allows in plain
 * English, and the platform roles ({@code tenant-admin}, {@code officer}, {@code member}, {@code
 * finance}) a tenant grants it to when it switches the plugin on. Tenant administrators change the
 * grants afterwards.
 *
 * @param name the permission's name
 * @param description what it allows
 * @param defaultRoles the roles holding it by default
 * @since 1.0.0
 */
public record Permission(String name, String description, Set<String> defaultRoles) {

  /**
   * Checks and copies the declaration.
   *
   * @since 1.0.0
   */
  public Permission {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    if (!name.matches("[a-z][a-z0-9-]*:[a-z][a-z0-9-]*:[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "A permission is <plugin>:<resource>:<action> in lower case, not '" + name + "'");
    }
    defaultRoles = Set.copyOf(defaultRoles);
  }
}
