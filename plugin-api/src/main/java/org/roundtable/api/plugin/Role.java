package org.roundtable.api.plugin;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A role a plugin brings (a training course's learner, a peer challenge's peer): council
 * administrators give it to people from their page, and the plugin's permissions name it among
 * their default roles. Its id is what Keycloak's realm holds; its name is what people read.
 *
 * @param id lower-case letters, digits and hyphens, e.g. {@code learner}; never one of the
 *     platform's own ({@code member}, {@code officer}, {@code finance}, {@code tenant-admin})
 * @param name the role in plain words, e.g. {@code Learner}
 * @param description what holding it means, in plain words
 * @since 1.5.0
 */
public record Role(String id, String name, String description) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  /**
   * Checks the role's shape.
   *
   * @throws IllegalArgumentException if the id is not a plain lower-case word or a name is blank
   * @since 1.5.0
   */
  public Role {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "A role id is 2 to 40 lower-case letters, digits or hyphens: " + id);
    }
    if (name == null || name.isBlank() || description == null) {
      throw new IllegalArgumentException("A role needs a name and a description: " + id);
    }
  }
}
