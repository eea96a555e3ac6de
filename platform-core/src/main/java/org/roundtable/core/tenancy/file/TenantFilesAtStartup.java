package org.roundtable.core.tenancy.file;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

  private TenantFileReport report = new TenantFileReport(List.of());

  @PostConstruct
  void reconcile() {
    if (directory.isEmpty()) {
      LOG.info("roundtable.tenants.dir is not set: no tenant files to reconcile");
      return;
    }
    List<TenantFile> files = TenantFiles.readAll(Path.of(directory.get()));
    Set<String> requested = new HashSet<>();
    for (String slug : apply.orElse("").split(",")) {
      if (!slug.isBlank()) {
        requested.add(slug.strip());
      }
    }
    report = reconciler.reconcile(files, requested);
  }

  /** What the last reconciliation found. */
  public TenantFileReport report() {
    return report;
  }
}
