package org.roundtable.steps.migration;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Database connection settings, read like MicroProfile Config reads them: a system property ({@code
 * roundtable.db.url}) or its environment form ({@code ROUNDTABLE_DB_URL}).
 *
 * @param url JDBC URL of the PostgreSQL database
 * @param ownerUser the migration role: owns the schema, BYPASSRLS, not superuser
 * @param ownerPassword its password
 * @param appUser the application role: owns nothing, NOBYPASSRLS
 * @param appPassword its password
 */
public record DatabaseSettings(
    String url, String ownerUser, String ownerPassword, String appUser, String appPassword) {

  private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + url + ", owner=" + ownerUser + ", app=" + appUser + "]";
  }

  /** Reads the settings; a missing one is an error that names it. */
  public static DatabaseSettings fromEnvironment() {
    return new DatabaseSettings(
        require("roundtable.db.url"),
        require("roundtable.db.owner-user"),
        optional("roundtable.db.owner-password").orElse(""),
        require("roundtable.db.app-user"),
        optional("roundtable.db.app-password").orElse(""));
  }

  /** Whether an external database is configured (otherwise the run command starts one). */
  public static boolean isConfigured() {
    return optional("roundtable.db.url").isPresent();
  }

  /** A setting from a system property or the environment. */
  public static Optional<String> optional(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      value = System.getenv(environmentName(key));
    }
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }

  static String require(String key) {
    return optional(key)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Missing setting " + key + " (environment " + environmentName(key) + ")"));
  }

  /** The environment variable MicroProfile Config maps a property name to. */
  public static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  /** Checks that a role name is a plain identifier, since it is written into SQL. */
  public static String requireRoleName(String role) {
    if (role == null || !ROLE.matcher(role).matches()) {
      throw new IllegalArgumentException(
          "A database role name is lower-case letters, digits and underscores: " + role);
    }
    return role;
  }
}
