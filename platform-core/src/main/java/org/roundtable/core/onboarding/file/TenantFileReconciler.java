package org.roundtable.core.onboarding.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.audit.AuditLog;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.identity.PermissionGrants;
import org.roundtable.core.identity.provisioning.RealmProvisioner;
import org.roundtable.core.onboarding.file.TenantFileReport.Difference;
import org.roundtable.core.onboarding.file.TenantFileReport.Entry;
import org.roundtable.core.onboarding.file.TenantFileReport.Outcome;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.plugin.PluginActivation;
import org.roundtable.core.plugin.PluginActivations;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantFileException;
import org.roundtable.core.tenancy.TenantRecord;
import org.roundtable.core.tenancy.TenantRegistry;

/**
 * Tenants as code: a tenant file creates and seeds its tenant; afterwards the database is the
 * truth, so a restart never undoes an administrator's change. A file changed since it was applied
 * (its hash is kept) is reported with its differences and applied only when the operator asks. A
 * tenant without a file is reported, never deleted.
 *
 * <p>Each tenant is reconciled in a transaction of its own, bound to that tenant, and serialised
 * across pods by a transaction-level advisory lock.
 */
@ApplicationScoped
public class TenantFileReconciler {

  private static final Logger LOG = Logger.getLogger(TenantFileReconciler.class.getName());
  private static final String ACTOR = "tenant-files";

  @Inject EntityManager entityManager;
  @Inject Operators operators;
  @Inject TenantTransactions transactions;
  @Inject TenantRegistry registry;
  @Inject AuditLog audit;
  @Inject PermissionGrants grants;
  @Inject org.roundtable.core.plugin.PluginCatalog catalog;
  @Inject org.roundtable.core.plugin.PluginSeeding seeding;
  @Inject Clock clock;
  @Inject RealmProvisioner provisioner;

  /**
   * Reconciles the files with the database.
   *
   * @param files the tenant files, already checked
   * @param applyRequested slugs whose changed files the operator asked to apply ({@code *}: all)
   */
  public TenantFileReport reconcile(List<TenantFile> files, Set<String> applyRequested) {
    List<Entry> entries = new ArrayList<>();
    Set<String> withFiles = new HashSet<>();
    for (TenantFile file : files) {
      withFiles.add(file.slug());
      boolean apply = applyRequested.contains("*") || applyRequested.contains(file.slug());
      entries.add(
          transactions.inTenant(new TenantRef(file.slug()), () -> reconcileOne(file, apply)));
    }
    for (Tenant tenant : registry.all()) {
      if (!withFiles.contains(tenant.slug())) {
        entries.add(new Entry(tenant.slug(), Outcome.NO_FILE, List.of()));
      }
    }
    TenantFileReport report = new TenantFileReport(entries);
    log(report);
    return report;
  }

  /** A file's realm is never the operators' and never another council's. */
  private void checkRealm(TenantFile file) {
    if (operators.isReservedRealm(file.realm())) {
      throw new TenantFileException(
          file.source(),
          0,
          "realm '" + file.realm() + "' is the operators' own, never a council's");
    }
    List<?> others =
        entityManager
            .createNativeQuery("SELECT id FROM platform_tenant WHERE realm = ?1 AND id <> ?2")
            .setParameter(1, file.realm())
            .setParameter(2, file.slug())
            .getResultList();
    if (!others.isEmpty()) {
      throw new TenantFileException(
          file.source(),
          0,
          "realm '" + file.realm() + "' already signs in the tenant " + others.get(0));
    }
  }

  private Entry reconcileOne(TenantFile file, boolean apply) {
    entityManager
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "tenant-file:" + file.slug())
        .getSingleResult();
    TenantRecord tenant = entityManager.find(TenantRecord.class, file.slug());
    checkRealm(file);
    if (tenant == null) {
      tenant = new TenantRecord(file.slug(), file.displayName(), file.realm(), clock.instant());
      tenant.useHostnames(file.hostnames(), clock.instant());
      tenant.recordSource(file.source().toString(), file.hash(), clock.instant());
      if (provisioner.isConfigured()) {
        // Serves nothing until its realm is set up (just after this, at start).
        tenant.awaitSignIn(Optional.empty(), clock.instant());
      }
      entityManager.persist(tenant);
      entityManager.flush();
      applyPlugins(file);
      grants.grantDefaults();
      file.plugins().forEach((id, seed) -> seeding.seed(file.slug(), id, seed.seedJson()));
      audit.recordSystem(ACTOR, "tenant.created", "tenant", file.slug(), file.source().toString());
      return new Entry(file.slug(), Outcome.CREATED, List.of());
    }
    if (Objects.equals(tenant.sourceHash(), file.hash())) {
      return new Entry(file.slug(), Outcome.UNCHANGED, List.of());
    }
    List<Difference> differences = differences(file, tenant);
    if (!apply) {
      return new Entry(file.slug(), Outcome.CHANGED_NOT_APPLIED, differences);
    }
    tenant.rename(file.displayName(), clock.instant());
    tenant.useRealm(file.realm(), clock.instant());
    tenant.useHostnames(file.hostnames(), clock.instant());
    tenant.recordSource(file.source().toString(), file.hash(), clock.instant());
    applyPlugins(file);
    audit.recordSystem(
        ACTOR,
        "tenant.file-applied",
        "tenant",
        file.slug(),
        differences.stream().map(Difference::field).collect(Collectors.joining(", ")));
    return new Entry(file.slug(), Outcome.APPLIED, differences);
  }

  private void applyPlugins(TenantFile file) {
    checkSettings(file);
    Map<String, PluginActivation> current = activations();
    file.plugins()
        .forEach(
            (id, seed) -> {
              PluginActivation activation = current.get(id);
              if (activation == null) {
                entityManager.persist(
                    new PluginActivation(id, seed.enabled(), seed.settingsJson(), clock.instant()));
              } else {
                activation.switchTo(seed.enabled(), seed.settingsJson(), clock.instant());
              }
              var plugin = catalog.find(id);
              if (plugin.isEmpty()) {
                LOG.warning(
                    () ->
                        file.slug() + ": the plugin '" + id + "' is not installed; seeded anyway");
              } else if (seed.enabled()) {
                grants.grantPluginDefaults(plugin.get());
              }
            });
  }

  /**
   * A tenant file's plugin settings must be what the plugin declares (the same check an
   * administrator's change gets), or start-up stops naming the file and the setting.
   */
  private void checkSettings(TenantFile file) {
    file.plugins()
        .forEach(
            (id, seed) ->
                catalog
                    .find(id)
                    .ifPresent(
                        plugin -> {
                          try {
                            PluginActivations.validated(
                                plugin, PluginActivations.parse(seed.settingsJson()));
                          } catch (Refused e) {
                            throw new IllegalStateException(
                                file.source()
                                    + ": plugins."
                                    + id
                                    + ": "
                                    + e.errors().stream()
                                        .map(f -> f.field() + " " + f.message())
                                        .collect(Collectors.joining("; ")));
                          }
                        }));
  }

  private List<Difference> differences(TenantFile file, TenantRecord tenant) {
    List<Difference> differences = new ArrayList<>();
    compare(differences, "displayName", file.displayName(), tenant.displayName());
    compare(differences, "identity.realm", file.realm(), tenant.realm());
    compare(differences, "hostnames", sortedText(file.hostnames()), sortedText(tenant.hostnames()));
    Map<String, PluginActivation> current = activations();
    file.plugins()
        .forEach(
            (id, seed) -> {
              PluginActivation activation = current.get(id);
              String inDatabase =
                  activation == null
                      ? "(absent)"
                      : describe(activation.enabled(), activation.settings());
              compare(
                  differences,
                  "plugins." + id,
                  describe(seed.enabled(), seed.settingsJson()),
                  inDatabase);
            });
    return differences;
  }

  private Map<String, PluginActivation> activations() {
    return entityManager
        .createQuery("SELECT p FROM PluginActivation p", PluginActivation.class)
        .getResultList()
        .stream()
        .collect(Collectors.toMap(PluginActivation::pluginId, Function.identity()));
  }

  private static void compare(List<Difference> into, String field, String inFile, String inDb) {
    if (!Objects.equals(inFile, inDb)) {
      into.add(new Difference(field, inFile, inDb));
    }
  }

  private static String describe(boolean enabled, String settings) {
    return (enabled ? "on" : "off") + " " + settings;
  }

  private static String sortedText(Collection<String> values) {
    return values.stream().sorted().collect(Collectors.joining(", ", "[", "]"));
  }

  private static void log(TenantFileReport report) {
    for (Entry entry : report.entries()) {
      switch (entry.outcome()) {
        case CREATED -> LOG.info(() -> "Tenant " + entry.slug() + " created from its file");
        case UNCHANGED -> LOG.fine(() -> "Tenant file of " + entry.slug() + " is unchanged");
        case APPLIED ->
            LOG.warning(
                () -> "Tenant file of " + entry.slug() + " applied: " + entry.differences());
        case CHANGED_NOT_APPLIED ->
            LOG.warning(
                () ->
                    "Tenant file of "
                        + entry.slug()
                        + " changed since it was applied; the database is kept. Differences: "
                        + entry.differences()
                        + ". To apply the file, start with roundtable.tenants.apply="
                        + entry.slug());
        case NO_FILE ->
            LOG.warning(
                () -> "Tenant " + entry.slug() + " has no tenant file; it is kept as it is");
      }
    }
  }
}
