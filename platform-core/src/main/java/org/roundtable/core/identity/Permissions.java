package org.roundtable.core.identity;

import java.util.Map;
import java.util.Set;

/**
 * The core's permissions and the roles they are granted to by default.
 *
 * <p>Until tenants manage their own grants (stored per tenant), every tenant uses these defaults.
 */
public final class Permissions {

  public static final String MEMBERS_READ = "core:members:read";
  public static final String MEMBERS_WRITE = "core:members:write";
  public static final String AUDIT_READ = "core:audit:read";
  public static final String TENANT_MANAGE = "core:tenant:manage";

  private static final Map<String, Set<String>> DEFAULT_GRANTS =
      Map.of(
          "tenant-admin", Set.of(MEMBERS_READ, MEMBERS_WRITE, AUDIT_READ, TENANT_MANAGE),
          "officer", Set.of(MEMBERS_READ, MEMBERS_WRITE),
          "finance", Set.of(MEMBERS_READ),
          "member", Set.of());

  private Permissions() {}

  /** Whether any of the roles is granted the permission. */
  public static boolean granted(Set<String> roles, String permission) {
    return roles.stream()
        .map(role -> DEFAULT_GRANTS.getOrDefault(role, Set.of()))
        .anyMatch(granted -> granted.contains(permission));
  }
}
