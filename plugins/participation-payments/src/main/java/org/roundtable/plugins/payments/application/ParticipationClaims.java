package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.api.events.Events;
import org.roundtable.api.participation.Participation;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.LedgerEntry;
import org.roundtable.plugins.payments.domain.PayeeProfile;
import org.roundtable.plugins.payments.domain.Policy;

/**
 * Claims follow participation records: made exactly once per record, corrected when the record is
 * (by reversal and a new charge once charged, leaving any finance run), cancelled when it is
 * withdrawn or no longer paid, restored when it is paid again.
 */
@ApplicationScoped
public class ParticipationClaims {

  @Inject EntityManager entityManager;
  @Inject PluginSettings settings;
  @Inject Ledger ledger;
  @Inject Payees payees;
  @Inject AuditTrail audit;
  @Inject Events events;
  @Inject Clock clock;
  @Inject Claims claims;
  @Inject BulkWrites bulk;

  // --- from participation -------------------------------------------------------------------

  /** The policy of each day, read once per batch of records. */
  final class PolicyCache {
    private final Map<LocalDate, Policy> byDay = new HashMap<>();
    private Boolean autoSubmit;

    Policy on(LocalDate day) {
      return byDay.computeIfAbsent(day, d -> Policy.on(settings, d));
    }

    boolean autoSubmit() {
      if (autoSubmit == null) {
        autoSubmit = settings.get(PaymentsPlugin.AUTO_SUBMIT);
      }
      return autoSubmit;
    }
  }

  PolicyCache policies() {
    return new PolicyCache();
  }

  /**
   * Brings a participation record's claim in line with the record as it stands: made once (the
   * claim's unique record id makes a second delivery a no-op), changed when the record is corrected
   * (by reversal and a new charge once charged), cancelled when it is withdrawn or no longer paid.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public void reconcile(ParticipationRecords.Entry entry, PolicyCache policies) {
    reconcile(entry, policies, existingFor(List.of(entry.recordId())), null);
  }

  /**
   * The same for a page of records, with their claims and profiles read in one go. The page's new
   * claims (nearly all of a catch-up) are made in memory and written in batches with their ledger
   * charges; the audit trail has one entry for them, naming how many and the first and last
   * activity; a record whose claim exists goes the one-at-a-time way.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public int reconcileAll(List<ParticipationRecords.Entry> entries, PolicyCache policies) {
    Map<UUID, Claim> existing = existingFor(entries.stream().map(e -> e.recordId()).toList());
    Map<UUID, PayeeProfile> profiles =
        payees.existing(entries.stream().map(e -> e.participation().memberId()).toList());
    List<Claim> made = new ArrayList<>();
    int changed = 0;
    for (ParticipationRecords.Entry entry : entries) {
      Claim claim = existing.get(entry.recordId());
      if (claim == null) {
        newClaim(entry, policies, profiles::get).ifPresent(made::add);
      } else {
        changed += reconcile(entry, policies, existing, profiles) ? 1 : 0;
      }
    }
    if (!made.isEmpty()) {
      List<Claim> submitted =
          made.stream().filter(c -> c.status() == Claim.Status.SUBMITTED).toList();
      List<LedgerEntry> charges = ledger.chargeNew(submitted);
      bulk.insertClaims(made);
      bulk.insertLedgerEntries(charges);
      audit.record(
          "payments.claims.created",
          "claim",
          made.get(0).id().toString(),
          made.size()
              + " claims from participation records, "
              + submitted.size()
              + " submitted automatically; activities "
              + made.get(0).activity().reference()
              + " to "
              + made.get(made.size() - 1).activity().reference());
    }
    return changed + made.size();
  }

  /** A record's claim made in memory (submitted if the council submits automatically). */
  private Optional<Claim> newClaim(
      ParticipationRecords.Entry entry,
      PolicyCache policies,
      java.util.function.Function<UUID, PayeeProfile> profiles) {
    Participation p = entry.participation();
    LocalDate day = p.start().atZone(UkTime.ZONE).toLocalDate();
    Policy policy = policies.on(day);
    if (entry.withdrawn() || !policy.pays(p)) {
      return Optional.empty();
    }
    PayeeProfile profile = profiles.apply(p.memberId());
    Claim.Method method = profile == null ? Claim.Method.BANK : profile.defaultMethod();
    Claim claim =
        new Claim(
            UUID.randomUUID(),
            p.memberId(),
            Claim.Source.PARTICIPATION,
            entry.recordId(),
            activity(p, day),
            policy.fee(p.activityType(), minutes(p), 0),
            method,
            profile == null ? null : profile.charity(),
            clock.instant());
    boolean warnFirst = profile != null && profile.benefitAwareness();
    if (policies.autoSubmit() && !warnFirst) {
      claim.moveTo(Claim.Status.SUBMITTED, clock.instant());
    }
    return Optional.of(claim);
  }

  /** A page of a catch-up, in a transaction of its own so a long catch-up commits as it goes. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int reconcilePage(List<ParticipationRecords.Entry> entries, PolicyCache policies) {
    return reconcileAll(entries, policies);
  }

  private Map<UUID, Claim> existingFor(List<UUID> recordIds) {
    Map<UUID, Claim> found = new HashMap<>();
    // Which records have a claim, asked with typed ids (one index lookup each), before loading
    // any: bound as text in a list of a thousand, the same question scanned the whole table.
    List<UUID> claimed = recordIds.isEmpty() ? List.of() : bulk.claimedRecords(recordIds);
    if (claimed.isEmpty()) {
      return found;
    }
    recordIds = claimed;
    entityManager
        .createQuery("SELECT c FROM Claim c WHERE c.participationId IN :ids", Claim.class)
        .setParameter("ids", recordIds.stream().map(UUID::toString).toList())
        .getResultList()
        .forEach(c -> found.put(c.participationId(), c));
    return found;
  }

  private boolean reconcile(
      ParticipationRecords.Entry entry,
      PolicyCache policies,
      Map<UUID, Claim> existing,
      Map<UUID, PayeeProfile> profiles) {
    // profiles: every existing profile of the page's people, or null for a single record
    Participation p = entry.participation();
    LocalDate day = p.start().atZone(UkTime.ZONE).toLocalDate();
    Policy policy = policies.on(day);
    boolean paid = !entry.withdrawn() && policy.pays(p);
    Claim claim = existing.get(entry.recordId());
    if (claim == null) {
      // A page read every profile of its people at once (null: one record, read it now).
      Optional<Claim> made =
          newClaim(
              entry,
              policies,
              member ->
                  profiles != null
                      ? profiles.get(member)
                      : entityManager.find(PayeeProfile.class, member));
      if (made.isEmpty()) {
        return false;
      }
      claim = made.get();
      entityManager.persist(claim);
      audit.record(
          "payments.claim.created",
          "claim",
          claim.id().toString(),
          "from " + p.activityReference());
      if (claim.status() == Claim.Status.SUBMITTED) {
        ledger.charge(claim, 0);
        audit.record("payments.claim.submitted", "claim", claim.id().toString(), "automatically");
      }
      return true;
    }
    if (!paid) {
      return cancel(claim, entry.withdrawn() ? "participation withdrawn" : "no longer paid");
    }
    boolean changed = claim.describe(activity(p, day), policy.fee(p.activityType(), minutes(p), 0));
    if (claim.status() == Claim.Status.CANCELLED) {
      claim.moveTo(Claim.Status.DRAFT, clock.instant());
      audit.record("payments.claim.restored", "claim", claim.id().toString(), null);
      return true;
    }
    if (!changed) {
      return false;
    }
    audit.record("payments.claim.corrected", "claim", claim.id().toString(), claim.feeBasis());
    recharge(claim);
    return true;
  }

  /** After the facts or the amounts changed: a charged claim's ledger follows, by reversal. */
  private void recharge(Claim claim) {
    if (!claim.status().isCharged()) {
      return;
    }
    long expenses = claims.expensesTotal(claim.id());
    if (claim.chargedFeePence() == claim.payableFeePence()
        && claim.chargedExpensesPence() == expenses) {
      return;
    }
    ledger.reverse(claim);
    ledger.charge(claim, expenses);
    leaveRun(claim);
    long outstanding = claim.outstandingPence();
    // More is owed: someone approves the difference again. Nothing or less: it stays paid (a
    // negative balance is an overpayment to recover).
    if (outstanding > 0) {
      claim.moveTo(Claim.Status.SUBMITTED, clock.instant());
    }
  }

  private boolean cancel(Claim claim, String why) {
    if (claim.status() == Claim.Status.CANCELLED) {
      return false;
    }
    ledger.reverse(claim);
    leaveRun(claim);
    claim.moveTo(Claim.Status.CANCELLED, clock.instant());
    audit.record("payments.claim.cancelled", "claim", claim.id().toString(), why);
    return true;
  }

  /**
   * A claim changed while in a finance run leaves it: the run's file no longer says what the claim
   * says, so finance cannot mark the run paid and makes a new one.
   */
  private void leaveRun(Claim claim) {
    if (claim.runId() != null) {
      audit.record(
          "payments.claim.left-run", "claim", claim.id().toString(), claim.runId().toString());
      claim.inRun(null);
    }
  }

  private static Claim.Activity activity(Participation p, LocalDate day) {
    return new Claim.Activity(
        p.activityType(), p.activityTitle(), p.activityReference(), day, p.role(), minutes(p), 0);
  }

  private static int minutes(Participation p) {
    return (int) Math.min(1440, p.duration().toMinutes());
  }
}
