package org.roundtable.core.onboarding.file;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A tenant's definition as written in {@code tenants/<slug>/tenant.yaml}: it creates and seeds the
 * tenant; afterwards the database is the truth.
 *
 * @param source the file
 * @param hash SHA-256 of the file's bytes, kept to tell when the file changed
 * @param slug the tenant's slug (equal to its folder's name)
 * @param displayName the council's name
 * @param hostnames host names that may stand in for the slug
 * @param realm the identity realm
 * @param plugins plugins to switch on or off, with their initial settings
 */
public record TenantFile(
    Path source,
    String hash,
    String slug,
    String displayName,
    List<String> hostnames,
    String realm,
    Map<String, PluginSeed> plugins) {

  public TenantFile {
    hostnames = List.copyOf(hostnames);
    plugins = Map.copyOf(plugins);
  }

  /**
   * A plugin's seed in a tenant file.
   *
   * @param enabled whether the tenant starts with it switched on
   * @param settingsJson its initial settings as a JSON object
   * @param seedJson data the plugin creates for the new tenant, as a JSON object
   */
  public record PluginSeed(boolean enabled, String settingsJson, String seedJson) {}
}
