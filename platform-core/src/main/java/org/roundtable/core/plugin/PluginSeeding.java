package org.roundtable.core.plugin;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.logging.Logger;
import org.roundtable.api.plugin.TenantSeeder;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.tenancy.TenantFileException;

/**
 * Hands a new tenant's plugin seeds (from its tenant file) to the plugins' {@link TenantSeeder}s,
 * in the creating transaction, audited as the platform's own work.
 */
@ApplicationScoped
public class PluginSeeding {

  private static final Logger LOG = Logger.getLogger(PluginSeeding.class.getName());

  @Inject Instance<TenantSeeder> seeders;
  @Inject CurrentCaller caller;

  @ActivateRequestContext
  @Transactional(Transactional.TxType.MANDATORY)
  public void seed(String tenant, String pluginId, String seedJson) {
    JsonObject seed;
    try (var reader = JSON.createReader(new StringReader(seedJson))) {
      seed = reader.readObject();
    }
    if (seed.isEmpty()) {
      return;
    }
    caller.actAsSystem("tenant-files");
    boolean seeded = false;
    for (TenantSeeder seeder : seeders) {
      if (seeder.pluginId().equals(pluginId)) {
        try {
          seeder.seed(seed);
        } catch (IllegalArgumentException e) {
          throw new TenantFileException(
              java.nio.file.Path.of(tenant, "tenant.yaml"),
              0,
              "seed of plugin " + pluginId + ": " + e.getMessage());
        }
        seeded = true;
      }
    }
    if (!seeded) {
      LOG.warning(
          () -> tenant + ": the plugin '" + pluginId + "' is not installed; its seed waits");
    }
  }
}
