package org.roundtable.steps.plugins;

import java.util.Set;

/**
 * Words that cannot be tenant slugs (or, later, plugin ids): they are, or may become, the
 * platform's own paths.
 */
public final class ReservedSlugs {

  private static final Set<String> RESERVED =
      Set.of(
          "platform",
          "api",
          "health",
          "metrics",
          "openapi",
          "admin",
          "login",
          "logout",
          "me",
          "settings",
          "static",
          "assets",
          "css",
          "js",
          "images",
          "problems",
          "auth",
          "oauth",
          "callback",
          "account",
          "operator",
          "system",
          "tenants",
          "plugins",
          "members",
          "audit",
          "permissions",
          "www",
          "roundtable",
          "public",
          "error",
          "errors",
          "problem-error",
          "favicon");

  private ReservedSlugs() {}

  public static boolean isReserved(String slug) {
    return RESERVED.contains(slug);
  }
}
