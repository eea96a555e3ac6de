package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.roundtable.api.events.EventListener;
import org.roundtable.api.events.PlatformEvent;
import org.roundtable.api.events.PlatformEvents;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.plugins.payments.PaymentsPlugin;

/**
 * Turns participation into claims. Each participation event reconciles the claim with the record as
 * it stands now (so a repeated or late event changes nothing); switching the plugin on catches up
 * with every record, including those made while it was off, a page at a time.
 */
@ApplicationScoped
public class ParticipationSync implements EventListener {

  private static final Logger LOG = Logger.getLogger(ParticipationSync.class.getName());
  static final int PAGE = 1000;

  @Inject ParticipationRecords records;
  @Inject Claims claims;
  @Inject ParticipationClaims participationClaims;
  @Inject TenantContext tenant;

  @Override
  public String pluginId() {
    return PaymentsPlugin.ID;
  }

  @Override
  public Set<String> types() {
    return Set.of(
        ParticipationRecords.RECORDED,
        ParticipationRecords.CORRECTED,
        ParticipationRecords.WITHDRAWN,
        PlatformEvents.PLUGIN_ENABLED);
  }

  @Override
  public void on(PlatformEvent event) {
    if (PlatformEvents.PLUGIN_ENABLED.equals(event.type())) {
      if (PaymentsPlugin.ID.equals(event.payload().getString("pluginId", ""))) {
        catchUp();
      }
      return;
    }
    UUID recordId = UUID.fromString(event.payload().getString("recordId"));
    records
        .get(recordId)
        .ifPresent(entry -> participationClaims.reconcile(entry, participationClaims.policies()));
  }

  /** Reconciles every participation record of the tenant; returns how many claims changed. */
  public int catchUp() {
    long started = System.nanoTime();
    ParticipationClaims.PolicyCache policies = participationClaims.policies();
    int changed = 0;
    int seen = 0;
    UUID after = null;
    while (true) {
      List<ParticipationRecords.Entry> page = records.page(after, PAGE);
      if (page.isEmpty()) {
        break;
      }
      changed += participationClaims.reconcilePage(page, policies);
      seen += page.size();
      after = page.get(page.size() - 1).recordId();
      if (page.size() < PAGE) {
        break;
      }
    }
    int records = seen;
    int claimsChanged = changed;
    LOG.info(
        () ->
            String.format(
                "Payments caught up in %s: %d participation records, %d claims made or changed"
                    + " in %.1f s",
                tenant.current().slug(),
                records,
                claimsChanged,
                (System.nanoTime() - started) / 1e9));
    return changed;
  }
}
