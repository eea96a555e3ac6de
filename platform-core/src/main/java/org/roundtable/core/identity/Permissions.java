package org.roundtable.core.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The core's permissions, declared as data: each with what it allows and the roles a new tenant
 * grants it to. A tenant's administrators change the grants afterwards ({@link PermissionGrants}).
 */
public final class Permissions {

  public static final String MEMBERS_READ = "core:members:read";
  public static final String MEMBERS_WRITE = "core:members:write";
  public static final String MEMBERS_ACT_FOR = "core:members:act-for";
  public static final String MEMBERS_ROLES = "core:members:roles";
  public static final String AUDIT_READ = "core:audit:read";
  public static final String TENANT_MANAGE = "core:tenant:manage";

  /**
   * A permission as the platform declares it.
   *
   * @param name {@code core:<resource>:<action>} (plugins: {@code <plugin>:<resource>:<action>})
   * @param description what it allows, in plain English
   * @param defaultRoles the roles a new tenant grants it to
   */
  public record Definition(String name, String description, Set<String> defaultRoles) {}

  private static final List<Definition> CORE =
      List.of(
          new Definition(
              MEMBERS_READ,
              "See the council's members and their contact details and access needs",
              Set.of("tenant-admin", "officer", "finance")),
          new Definition(
              MEMBERS_WRITE,
              "Add members and change their details",
              Set.of("tenant-admin", "officer")),
          new Definition(
              MEMBERS_ACT_FOR,
              "Act for a member who takes part without signing in; recorded on their behalf",
              Set.of("tenant-admin", "officer")),
          new Definition(
              MEMBERS_ROLES,
              "Give people roles and take them away (never the last administrator's)",
              Set.of("tenant-admin")),
          new Definition(AUDIT_READ, "Read the audit log", Set.of("tenant-admin")),
          new Definition(
              TENANT_MANAGE,
              "Change the council's settings and who holds which permission",
              Set.of("tenant-admin")));

  private static final Map<String, Definition> BY_NAME =
      Map.copyOf(
          CORE.stream().collect(java.util.stream.Collectors.toMap(Definition::name, d -> d)));

  private Permissions() {}

  /** Every permission the platform knows, in a stable order. */
  public static List<Definition> all() {
    return CORE;
  }

  public static Optional<Definition> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
