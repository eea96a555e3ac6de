package org.roundtable.core.identity.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.roundtable.api.security.SealedData;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.persistence.EncryptionSettings;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantBinding;
import org.roundtable.steps.crypto.FieldEncryption;

/**
 * A tenant's Keycloak client secrets (its web sign-in, its administration client), sealed with the
 * active data-encryption key in the tenant's own rows, each bound to its tenant and client; the
 * platform reseals old ones after a start, as it does plugins' {@link SealedData}.
 */
@ApplicationScoped
public class ClientSecrets implements SealedData {

  private static final Logger LOG = Logger.getLogger(ClientSecrets.class.getName());

  @Inject EntityManager entityManager;
  @Inject EncryptionSettings encryptionSettings;
  @Inject TenantTransactions transactions;
  @Inject Clock clock;

  /** Keeps a client's secret (replacing one kept before); logged and dropped without a data key. */
  public void keep(Tenant tenant, String clientId, String secret) {
    Optional<FieldEncryption> encryption = encryptionSettings.encryption();
    if (encryption.isEmpty()) {
      LOG.severe(
          () ->
              "No data-encryption key (roundtable.crypto.keys): the "
                  + clientId
                  + " secret of "
                  + tenant.slug()
                  + " is not kept; regenerate it in Keycloak once keys are configured");
      return;
    }
    FieldEncryption sealer = encryption.get();
    transactions.inTenant(
        tenant.ref(),
        () -> {
          TenantClientSecret kept = entityManager.find(TenantClientSecret.class, clientId);
          String sealed = sealer.seal(secret, place(tenant.ref(), clientId));
          if (kept == null) {
            entityManager.persist(
                new TenantClientSecret(clientId, sealed, sealer.activeKey(), clock.instant()));
          } else {
            kept.replace(sealed, sealer.activeKey(), clock.instant());
          }
          return null;
        });
  }

  /** A client's secret in the clear, if one is kept and a data key can open it. */
  public Optional<String> find(Tenant tenant, String clientId) {
    Optional<FieldEncryption> encryption = encryptionSettings.encryption();
    if (encryption.isEmpty()) {
      return Optional.empty();
    }
    return transactions.inTenant(
        tenant.ref(),
        () ->
            Optional.ofNullable(entityManager.find(TenantClientSecret.class, clientId))
                .map(kept -> open(encryption.get(), tenant.ref(), kept)));
  }

  @Override
  public String pluginId() {
    return "core";
  }

  /**
   * Seals again, as new values are sealed, up to {@code limit} of the current tenant's secrets
   * sealed in an older format or with an older key; when they were created stays.
   */
  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public int resealOld(int limit) {
    FieldEncryption sealer = encryptionSettings.encryption().orElseThrow();
    TenantRef tenant = TenantBinding.current().orElseThrow();
    List<TenantClientSecret> old =
        entityManager
            .createQuery(
                "SELECT s FROM TenantClientSecret s WHERE s.secret NOT LIKE :current ESCAPE '!'"
                    + " ORDER BY s.clientId",
                TenantClientSecret.class)
            .setParameter("current", sealer.currentPattern())
            .setMaxResults(limit)
            .getResultList();
    for (TenantClientSecret kept : old) {
      kept.resealed(
          sealer.seal(open(sealer, tenant, kept), place(tenant, kept.clientId())),
          sealer.activeKey());
    }
    return old.size();
  }

  /** A kept secret in the clear: opens only in its own tenant's row for its own client. */
  static String open(FieldEncryption sealer, TenantRef tenant, TenantClientSecret kept) {
    return sealer.open(kept.sealedSecret(), place(tenant, kept.clientId()));
  }

  private static FieldEncryption.Place place(TenantRef tenant, String clientId) {
    return new FieldEncryption.Place(tenant.slug(), "tenant_client_secret", clientId);
  }
}
