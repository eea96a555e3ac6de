package org.roundtable.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.tenancy.file.TenantFileReconciler;
import org.roundtable.core.tenancy.file.TenantFileReport;
import org.roundtable.core.tenancy.file.TenantFileReport.Outcome;
import org.roundtable.core.tenancy.file.TenantFiles;
import org.roundtable.core.tenancy.file.TenantFilesAtStartup;
import org.roundtable.core.tenancy.internal.TenantRecord;
import org.roundtable.core.testing.TestDeployments;

/** Tenants as code, inside the running server: files create and seed; the database is the truth. */
@ExtendWith(ArquillianExtension.class)
class TenantFilesIT {

  @Deployment
  static WebArchive deployment() {
    return TestDeployments.platformForInContainerTests(TenantFilesIT.class);
  }

  @Inject TenantFileReconciler reconciler;
  @Inject TenantFilesAtStartup startup;
  @Inject TenantRegistry registry;
  @Inject TenantTransactions transactions;
  @Inject EntityManager entityManager;

  @Test
  void startUpCreatedTheRepositorysTenantsWithTheirPlugins() {
    assertThat(registry.findActive("kirklees")).isPresent();
    assertThat(registry.findActive("solihull")).isPresent();
    assertThat(startup.report().entries())
        .extracting(TenantFileReport.Entry::slug)
        .contains("kirklees", "solihull");
  }

  @Test
  void editedFileIsReportedButNeverOverwritesWhatAnAdministratorChanged() throws IOException {
    String slug = "testshire-" + UUID.randomUUID().toString().substring(0, 8);
    Path dir = Files.createTempDirectory("tenants");
    Path file = dir.resolve(slug).resolve("tenant.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, tenantYaml(slug, "Testshire Council", "false"));

    TenantFileReport created = reconciler.reconcile(TenantFiles.readAll(dir), Set.of());
    assertThat(created.entry(slug).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(created.entry("kirklees").outcome())
        .as("a tenant with no file is reported and kept")
        .isEqualTo(Outcome.NO_FILE);
    assertThat(registry.findActive("kirklees")).isPresent();
    assertThat(pluginEnabled(slug)).isFalse();

    // An administrator renames the council in the database.
    transactions.inTenant(
        new TenantRef(slug),
        () -> {
          entityManager.find(TenantRecord.class, slug).rename("Testshire CC", Instant.now());
          return null;
        });
    // A restart with the file unchanged keeps the administrator's change.
    assertThat(reconciler.reconcile(TenantFiles.readAll(dir), Set.of()).entry(slug).outcome())
        .isEqualTo(Outcome.UNCHANGED);
    assertThat(registry.find(slug).orElseThrow().displayName()).isEqualTo("Testshire CC");

    // The file is edited: reported with its differences, not applied.
    Files.writeString(file, tenantYaml(slug, "Testshire County Council", "true"));
    TenantFileReport edited = reconciler.reconcile(TenantFiles.readAll(dir), Set.of());
    assertThat(edited.entry(slug).outcome()).isEqualTo(Outcome.CHANGED_NOT_APPLIED);
    assertThat(edited.entry(slug).differences())
        .contains(
            new TenantFileReport.Difference(
                "displayName", "Testshire County Council", "Testshire CC"));
    assertThat(edited.entry(slug).differences())
        .extracting(TenantFileReport.Difference::field)
        .contains("plugins.partnership-boards");
    assertThat(registry.find(slug).orElseThrow().displayName()).isEqualTo("Testshire CC");
    assertThat(pluginEnabled(slug)).isFalse();

    // Only when the operator asks is the file applied.
    TenantFileReport applied = reconciler.reconcile(TenantFiles.readAll(dir), Set.of(slug));
    assertThat(applied.entry(slug).outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(registry.find(slug).orElseThrow().displayName())
        .isEqualTo("Testshire County Council");
    assertThat(pluginEnabled(slug)).isTrue();
    assertThat(reconciler.reconcile(TenantFiles.readAll(dir), Set.of()).entry(slug).outcome())
        .isEqualTo(Outcome.UNCHANGED);
  }

  private boolean pluginEnabled(String slug) {
    return transactions.inTenant(
        new TenantRef(slug),
        () ->
            entityManager
                .createQuery(
                    "SELECT p.enabled FROM PluginActivation p WHERE p.pluginId = :id",
                    Boolean.class)
                .setParameter("id", "partnership-boards")
                .getSingleResult());
  }

  private static String tenantYaml(String slug, String name, String boardsOn) {
    return "slug: "
        + slug
        + "\ndisplayName: "
        + name
        + "\nidentity:\n  realm: "
        + slug
        + "\nplugins:\n  partnership-boards:\n    enabled: "
        + boardsOn
        + "\n";
  }
}
