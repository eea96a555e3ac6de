package org.roundtable.core.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * A council's row read from the database, in a transaction: what {@link TenantRegistry} reads when
 * it does not hold the council, so that finding one it holds (nearly every request) begins no
 * transaction at all.
 */
@ApplicationScoped
class TenantRows {

  @Inject EntityManager entityManager;

  @Transactional
  Optional<Tenant> read(String slug) {
    return Optional.ofNullable(entityManager.find(TenantRecord.class, slug))
        .map(TenantRecord::toTenant);
  }
}
