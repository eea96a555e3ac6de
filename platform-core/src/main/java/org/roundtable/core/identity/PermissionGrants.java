package org.roundtable.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.plugin.Permission;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.audit.AuditLog;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.tenancy.ChangeAwareCache;
import org.roundtable.core.tenancy.TableChanged;
import org.roundtable.core.tenancy.TenantBinding;

/**
 * The current tenant's grants of permissions to roles: stored in the database, read on every
 * authorised request, changed by the tenant's administrators (audited).
 */
@ApplicationScoped
public class PermissionGrants {

  @Inject RoleRegistry roleRegistry;
  @Inject EntityManager entityManager;
  @Inject AuditLog audit;
  @Inject InstalledPlugins catalog;
  @Inject TenantTransactions transactions;
  @Inject Event<TableChanged> changes;

  /** The core's permissions and those of the installed plugins. */
  public List<Permissions.Definition> definitions() {
    List<Permissions.Definition> all = new java.util.ArrayList<>(Permissions.all());
    for (PluginDescriptor plugin : catalog.all()) {
      for (Permission permission : plugin.permissions()) {
        all.add(
            new Permissions.Definition(
                permission.name(), permission.description(), permission.defaultRoles()));
      }
    }
    return all;
  }

  /** A permission the platform knows, the core's or an installed plugin's. */
  public java.util.Optional<Permissions.Definition> definition(String name) {
    return definitions().stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** Which roles hold which permissions in each council, as this pod last read them (ADR 0025). */
  private final ChangeAwareCache<String, Map<String, Set<String>>> holders =
      new ChangeAwareCache<>(Set.of("role_permission"));

  /**
   * Whether any of the roles holds the permission in the current tenant (the grants read in a
   * transaction when this pod does not hold them).
   */
  public boolean isGranted(Set<String> roles, String permission) {
    Optional<TenantRef> tenant = TenantBinding.current();
    if (roles.isEmpty() || tenant.isEmpty()) {
      return false;
    }
    Set<String> holding =
        holders
            .get(tenant.get().slug(), () -> transactions.joined(this::loadHolders))
            .getOrDefault(permission, Set.of());
    // A guest's access comes from their guest grants alone, whatever the table says.
    return roles.stream().filter(r -> !r.equals(RoleRegistry.GUEST)).anyMatch(holding::contains);
  }

  private Map<String, Set<String>> loadHolders() {
    Map<String, Set<String>> byPermission = new java.util.HashMap<>();
    for (RolePermission grant :
        entityManager
            .createQuery("SELECT g FROM RolePermission g", RolePermission.class)
            .getResultList()) {
      byPermission
          .computeIfAbsent(grant.permission(), p -> new java.util.HashSet<>())
          .add(grant.role());
    }
    byPermission.replaceAll((permission, roles) -> Set.copyOf(roles));
    return Map.copyOf(byPermission);
  }

  /** A change announced by PostgreSQL (at once), or made by this pod (once it commits). */
  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TableChanged change) {
    holders.changed(change.table());
  }

  /**
   * This pod once its own change commits (the commit's notification may come after the next
   * request; dropped before the commit, a request meanwhile could keep the old grants).
   */
  private void changedHere() {
    changes.fire(new TableChanged("role_permission"));
  }

  /** Every known permission with the roles that hold it here. */
  @Transactional
  public Map<Permissions.Definition, Set<String>> all() {
    Map<Permissions.Definition, Set<String>> grants = new LinkedHashMap<>();
    Map<String, Set<String>> byName = new LinkedHashMap<>();
    for (Permissions.Definition definition : definitions()) {
      Set<String> roles = new TreeSet<>();
      grants.put(definition, roles);
      byName.put(definition.name(), roles);
    }
    for (RolePermission grant :
        entityManager
            .createQuery("SELECT g FROM RolePermission g", RolePermission.class)
            .getResultList()) {
      Set<String> roles = byName.get(grant.permission());
      if (roles != null) {
        roles.add(grant.role());
      }
    }
    return grants;
  }

  /**
   * Gives a new tenant the platform's default grants; runs in the tenant's creating transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void grantDefaults() {
    for (Permissions.Definition definition : Permissions.all()) {
      for (String role : definition.defaultRoles()) {
        entityManager.persist(new RolePermission(role, definition.name()));
      }
    }
    changedHere();
  }

  /**
   * Gives a plugin's permissions their default roles in the current tenant, each the first time the
   * tenant is offered it: when the plugin is switched on, and when a new version adds one (at
   * start, for councils that have the plugin on). Switching a plugin off and on, or restarting,
   * keeps the administrators' choices, even a permission they took from every role.
   *
   * @return how many permissions were offered now
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int grantPluginDefaults(PluginDescriptor plugin) {
    int offered = 0;
    for (Permission permission : plugin.permissions()) {
      int first =
          entityManager
              .createNativeQuery(
                  "INSERT INTO permission_offered (permission) VALUES (?1) ON CONFLICT DO NOTHING")
              .setParameter(1, permission.name())
              .executeUpdate();
      if (first == 0) {
        continue;
      }
      offered++;
      Set<String> holding =
          new java.util.HashSet<>(
              entityManager
                  .createQuery(
                      "SELECT g.role FROM RolePermission g WHERE g.permission = :permission",
                      String.class)
                  .setParameter("permission", permission.name())
                  .getResultList());
      for (String role : permission.defaultRoles()) {
        if (!holding.contains(role)) {
          entityManager.persist(new RolePermission(role, permission.name()));
        }
      }
    }
    if (offered > 0) {
      changedHere();
    }
    return offered;
  }

  /**
   * Replaces the roles that hold a permission. The administrators cannot take from themselves the
   * permission to manage the tenant: that would lock everyone out.
   */
  @Transactional
  public Set<String> replace(String permission, Set<String> roles) {
    if (definition(permission).isEmpty()) {
      throw new NotFound("The permission " + permission);
    }
    for (String role : roles) {
      if (role.equals(RoleRegistry.GUEST)) {
        throw new Refused(
            "roles", "guests hold no permission: they see only the records they are invited to");
      }
      if (!roleRegistry.ids().contains(role)) {
        throw new Refused(
            "roles",
            "'" + role + "' is not a role; use one of " + new TreeSet<>(roleRegistry.ids()));
      }
    }
    if (permission.equals(Permissions.TENANT_MANAGE) && !roles.contains(RoleRegistry.ADMIN)) {
      throw new Conflict(
          "tenant-admin must keep "
              + Permissions.TENANT_MANAGE
              + ", or nobody could change it back");
    }
    entityManager
        .createQuery("DELETE FROM RolePermission g WHERE g.permission = :permission")
        .setParameter("permission", permission)
        .executeUpdate();
    for (String role : roles) {
      entityManager.persist(new RolePermission(role, permission));
    }
    entityManager.flush();
    changedHere();
    audit.record(
        "permission.granted",
        "permission",
        permission,
        "roles: " + String.join(", ", new TreeSet<>(roles)));
    return new TreeSet<>(roles);
  }
}
