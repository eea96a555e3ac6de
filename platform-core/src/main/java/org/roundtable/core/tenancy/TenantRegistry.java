package org.roundtable.core.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

  /**
   * Each tenant as this pod last read it: its name and look for a "try again in a minute" page
   * while the database cannot answer. Never used to decide access or to serve data.
   */
  private final Map<String, Tenant> lastRead = new ConcurrentHashMap<>();

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
    Optional<Tenant> found =
        Optional.ofNullable(entityManager.find(TenantRecord.class, slug))
            .map(TenantRecord::toTenant);
    found.ifPresent(tenant -> lastRead.put(slug, tenant));
    return found;
  }

  /**
   * The tenant as this pod last read it, for a page that says the service is having a problem in
   * the council's own name. Never for deciding anything.
   */
  public Optional<Tenant> lastRead(String slug) {
    return Optional.ofNullable(lastRead.get(slug));
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
