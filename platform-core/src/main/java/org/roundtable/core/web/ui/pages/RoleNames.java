package org.roundtable.core.web.ui.pages;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The platform's roles in plain words. */
final class RoleNames {

  static final List<String> ROLES = List.of("member", "officer", "finance", "tenant-admin");

  private static final Map<String, String> NAMES =
      Map.of(
          "tenant-admin", "Council administrator",
          "officer", "Officer",
          "member", "Member",
          "finance", "Finance");

  private RoleNames() {}

  static String of(String role) {
    return NAMES.getOrDefault(role, role);
  }

  static List<String> of(Set<String> roles) {
    return roles.stream().map(RoleNames::of).sorted().toList();
  }
}
