package org.roundtable.core.onboarding.file;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.identity.provisioning.RealmProvisioner;
import org.roundtable.core.plugin.PluginCatalog;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantRegistry;

/**
 * Reconciles {@code roundtable.tenants.dir} at start. A malformed file stops start-up with a
 * message naming the file and line. {@code roundtable.tenants.apply} lists the tenants (or {@code
 * *}) whose changed files the operator asks to apply.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantFilesAtStartup {

  private static final Logger LOG = Logger.getLogger(TenantFilesAtStartup.class.getName());

  @Inject
  @ConfigProperty(name = "roundtable.tenants.dir")
  Optional<String> directory;

  @Inject
  @ConfigProperty(name = "roundtable.tenants.apply")
  Optional<String> apply;

  @Inject TenantFileReconciler reconciler;
  @Inject RealmProvisioner provisioner;
  @Inject org.roundtable.core.onboarding.TenantSignIn signIn;

  @Inject Operators operators;

  @Resource ManagedExecutorService executor;

  @Inject TenantRegistry registry;

  private TenantFileReport report = new TenantFileReport(List.of());

  @Inject PluginCatalog plugins;
  @Inject org.roundtable.core.plugin.PluginUpgrades upgrades;
  @Inject org.roundtable.core.identity.RoleRegistry roles;

  // On the method too: Payara ran this lifecycle callback in a transaction despite the class's
  // attribute, so every realm's template hash was written in one transaction held for the whole
  // start (and a council's row then could not be updated by its own sign-in set-up).
  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void reconcile() {
    // First of all: a set of plugins the platform cannot run stops the deployment here, as do
    // plugins bringing a role that exists already.
    plugins.all();
    roles.all();
    List<TenantFile> files =
        directory.map(folder -> TenantFiles.readAll(Path.of(folder))).orElse(null);
    // Keycloak's side (the provisioning token, the operators' realm, the list of realms) is asked
    // for while the database's side is reconciled: on a Keycloak just started each call takes a
    // few hundred milliseconds, which every start waited for after the database work.
    CompletableFuture<Set<String>> realms =
        files == null || !provisioner.isConfigured()
            ? CompletableFuture.completedFuture(Set.of())
            : CompletableFuture.supplyAsync(this::operatorRealmAndExistingRealms, executor);
    // Plugins upgraded since the last start: their new permissions reach the councils using them.
    upgrades.offerNewPermissions();
    if (files == null) {
      LOG.info("roundtable.tenants.dir is not set: no tenant files to reconcile");
      return;
    }
    Set<String> requested = new HashSet<>();
    for (String slug : apply.orElse("").split(",")) {
      if (!slug.isBlank()) {
        requested.add(slug.strip());
      }
    }
    report = reconciler.reconcile(files, requested);
    provisionRealms(files, realms.join());
  }

  /**
   * Checks the provisioning token, lists the realms Keycloak has (empty if it could not: each
   * council's is then asked for) and brings the operators' realm up to date. Failures are logged;
   * the next start tries again.
   */
  private Set<String> operatorRealmAndExistingRealms() {
    try {
      provisioner.provisioningTokenIsLightweight();
    } catch (IOException | RuntimeException e) {
      // Without a token nothing below can be asked: each council's realm is tried on its own.
      LOG.log(Level.SEVERE, "Could not provision the operators' realm", e);
      return Set.of();
    }
    // The realms Keycloak has, asked once: a realm that exists and whose template is unchanged
    // then costs no call to Keycloak, so start-up does not grow with councils by Keycloak's round
    // trips.
    Set<String> existing;
    try {
      existing = provisioner.existingRealms();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not list Keycloak's realms: each council's is asked for", e);
      existing = Set.of();
    }
    try {
      provisioner.ensureOperatorRealm(operators.realm(), existing);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.SEVERE, "Could not provision the operators' realm", e);
    }
    return existing;
  }

  /**
   * Makes sure every tenant file's realm exists (outside any database transaction: each call takes
   * seconds). A failure is logged and retried at the next start; the tenant itself is kept.
   */
  private void provisionRealms(List<TenantFile> files, Set<String> existing) {
    if (!provisioner.isConfigured()) {
      LOG.info("Keycloak provisioning is not configured: tenants' realms are not checked");
      return;
    }
    // Every tenant, not only those with files: a tenant an operator created whose realm could not
    // be provisioned then is retried here.
    for (Tenant tenant : registry.all()) {
      Optional<Path> folder =
          files.stream()
              .filter(f -> f.slug().equals(tenant.slug()))
              .map(f -> f.source().getParent())
              .findFirst();
      if (tenant.signIn() == Tenant.SignIn.PENDING) {
        // Half-made: set up now, or left pending with the reason for operators to see.
        signIn.setUp(tenant, folder);
        continue;
      }
      try {
        provisioner.ensureRealm(tenant, folder, existing);
      } catch (IOException | RuntimeException e) {
        // A council already serving stays so: Keycloak being away at start must not close it.
        LOG.log(
            Level.SEVERE,
            "Could not bring the realm of tenant " + tenant.slug() + " up to date",
            e);
      }
    }
  }

  /** What the last reconciliation found. */
  public TenantFileReport report() {
    return report;
  }
}
