package org.roundtable.api.web;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A link a plugin adds to the pages' navigation, shown only to people holding its permission and
 * only in councils that have the plugin switched on.
 *
 * @param label the link's text, in plain words ("Claims")
 * @param path where it leads, relative to {@code /{tenant}/{pluginId}/}: empty for the plugin's
 *     first page, else lower-case segments such as {@code claims} or {@code runs/new}
 * @param permission the permission needed to see it, or {@code null} for every signed-in member
 * @since 1.2.0
 */
public record NavigationEntry(String label, String path, String permission) {

  private static final Pattern PATH = Pattern.compile("([a-z0-9-]+(/[a-z0-9-]+)*)?");

  /**
   * @throws IllegalArgumentException for an empty label or a path that is not relative segments
   */
  public NavigationEntry {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(path, "path");
    if (label.isBlank()) {
      throw new IllegalArgumentException("A navigation entry needs a label");
    }
    if (!PATH.matcher(path).matches()) {
      throw new IllegalArgumentException(
          "A navigation path is relative lower-case segments, not '" + path + "'");
    }
  }

  /**
   * @return the permission needed to see the entry, if any
   * @since 1.2.0
   */
  public Optional<String> requiredPermission() {
    return Optional.ofNullable(permission);
  }
}
