package org.roundtable.core.identity.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The hash of the realm template each tenant's realm was last brought up to date with. */
@ApplicationScoped
public class TenantHashes {

  @Inject EntityManager entityManager;

  @Transactional
  public Optional<String> realmTemplate(String tenant) {
    List<?> rows =
        entityManager
            .createNativeQuery("SELECT realm_template_hash FROM platform_tenant WHERE id = ?1")
            .setParameter(1, tenant)
            .getResultList();
    return rows.isEmpty() || rows.get(0) == null
        ? Optional.empty()
        : Optional.of(rows.get(0).toString());
  }

  @Transactional
  public void keepRealmTemplate(String tenant, String hash) {
    entityManager
        .createNativeQuery("UPDATE platform_tenant SET realm_template_hash = ?1 WHERE id = ?2")
        .setParameter(1, hash)
        .setParameter(2, tenant)
        .executeUpdate();
  }
}
