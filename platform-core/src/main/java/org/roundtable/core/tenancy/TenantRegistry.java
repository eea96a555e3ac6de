package org.roundtable.core.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.roundtable.core.tenancy.internal.TenantRecord;

/**
 * The tenants of this installation. Read from the database on every lookup (one indexed row), so a
 * tenant suspended on one pod is closed on every pod at once.
 */
@ApplicationScoped
public class TenantRegistry {

  /**
   * The operators' row (their browser sessions and sign-in client secret hang off it): never a
   * council, so never found or listed here.
   */
  public static final String OPERATORS = "platform";

  @Inject EntityManager entityManager;

  /** The tenant with this slug, if it exists and is active. */
  @Transactional
  public Optional<Tenant> findActive(String slug) {
    return find(slug).filter(Tenant::isActive);
  }

  /** The tenant with this slug, active or suspended. */
  @Transactional
  public Optional<Tenant> find(String slug) {
    if (OPERATORS.equals(slug)) {
      return Optional.empty();
    }
    return Optional.ofNullable(entityManager.find(TenantRecord.class, slug))
        .map(TenantRecord::toTenant);
  }

  /** Every tenant, by slug. */
  @Transactional
  public List<Tenant> all() {
    return entityManager
        .createQuery(
            "SELECT t FROM TenantRecord t WHERE t.id <> :operators ORDER BY t.id",
            TenantRecord.class)
        .setParameter("operators", OPERATORS)
        .getResultList()
        .stream()
        .map(TenantRecord::toTenant)
        .toList();
  }
}
