package org.roundtable.core.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenants of this installation, each kept by the pod once read (ADR 0025): a council's row and
 * hostnames change seldom, and every change to them is announced at commit, so a tenant suspended
 * on one pod is closed on every other within a second, and at once on the pod that suspended it. A
 * slug that is no council is never kept: it is looked up each time, and costs no memory.
 */
@ApplicationScoped
public class TenantRegistry {

  /**
   * The operators' row (their browser sessions and sign-in client secret hang off it): never a
   * council, so never found or listed here.
   */
  public static final String OPERATORS = "platform";

  @Inject EntityManager entityManager;
  @Inject TenantRows rows;

  private final ChangeAwareCache<String, Tenant> tenants =
      new ChangeAwareCache<>(Set.of("platform_tenant", "platform_tenant_hostname"));

  /**
   * Each tenant as this pod last read it: its name and look for a "try again in a minute" page
   * while the database cannot answer. Never used to decide access or to serve data.
   */
  private final Map<String, Tenant> lastRead = new ConcurrentHashMap<>();

  /** The tenant with this slug, if it exists and is active. */
  public Optional<Tenant> findActive(String slug) {
    return find(slug).filter(Tenant::isActive);
  }

  /** The tenant with this slug, active or suspended (read in a transaction when not held). */
  public Optional<Tenant> find(String slug) {
    if (OPERATORS.equals(slug)) {
      return Optional.empty();
    }
    Optional<Tenant> found = tenants.find(slug, () -> rows.read(slug));
    found.ifPresent(tenant -> lastRead.put(slug, tenant));
    return found;
  }

  /**
   * A change announced by PostgreSQL (at once), or made by this pod (once its transaction commits,
   * {@link CachedRowChanges}: dropped before, a request meanwhile could keep the old row).
   */
  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TableChanged change) {
    tenants.changed(change.table());
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
