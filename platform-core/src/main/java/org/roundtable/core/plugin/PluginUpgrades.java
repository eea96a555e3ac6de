package org.roundtable.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.logging.Logger;
import org.roundtable.core.identity.PermissionGrants;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantRegistry;

/**
 * What a new version of an installed plugin brings to the councils that already have it on, done at
 * each start after the migration step has run its changelog: the permissions it adds reach their
 * default roles (once, {@link PermissionGrants#grantPluginDefaults}). Settings it adds need nothing
 * here: a value never set reads as the setting's declared default.
 */
@ApplicationScoped
public class PluginUpgrades {

  private static final Logger LOG = Logger.getLogger(PluginUpgrades.class.getName());

  @Inject TenantRegistry registry;
  @Inject TenantTransactions transactions;
  @Inject PluginCatalog catalog;
  @Inject PermissionGrants grants;
  @Inject EntityManager entityManager;

  /** Offers every council the permissions its switched-on plugins declare and it has not seen. */
  public void offerNewPermissions() {
    for (Tenant tenant : registry.all()) {
      int offered =
          transactions.inTenant(
              tenant.ref(),
              () ->
                  entityManager
                      .createQuery(
                          "SELECT a FROM PluginActivation a WHERE a.enabled = true",
                          PluginActivation.class)
                      .getResultList()
                      .stream()
                      .flatMap(a -> catalog.find(a.pluginId()).stream())
                      .mapToInt(grants::grantPluginDefaults)
                      .sum());
      if (offered > 0) {
        LOG.info(
            () ->
                tenant.slug()
                    + ": "
                    + offered
                    + " permission(s) of upgraded plugins given their default roles");
      }
    }
  }
}
