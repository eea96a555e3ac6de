package org.roundtable.api.plugin;

import jakarta.json.JsonObject;

/**
 * Seeds a plugin's data for a new tenant from its tenant file ({@code plugins.<id>.seed}): a CDI
 * bean of the plugin implementing this interface. Called once, in the transaction that creates the
 * tenant, with the tenant bound; afterwards the database is the truth.
 *
 * @since 1.0.0
 */
public interface TenantSeeder {

  /**
   * @return the id of the plugin it belongs to
   * @since 1.0.0
   */
  String pluginId();

  /**
   * Creates the seeded data.
   *
   * @param seed the {@code seed} mapping of the tenant file, as JSON
   * @throws IllegalArgumentException when the seed is malformed; the message names what to fix
   * @since 1.0.0
   */
  void seed(JsonObject seed);
}
