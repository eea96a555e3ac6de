package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.events.Events;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.ClaimTransitions;

/**
 * Someone other than the person decides on their claims: approves one or many alike, or sends one
 * back with a reason. Never while acting for someone, never one's own claim, never one they had a
 * hand in ({@link ClaimHands}).
 */
@ApplicationScoped
public class ClaimApprovals {

  /** Looked up once: {@code Json.create…} scans the class path for the provider every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject EntityManager entityManager;
  @Inject PluginSettings settings;
  @Inject Ledger ledger;
  @Inject AuditTrail audit;
  @Inject Events events;
  @Inject CurrentMember currentMember;
  @Inject Clock clock;
  @Inject ClaimHands hands;
  @Inject BulkWrites bulk;

  /** Event sent when claims are approved (one per person per approval). */
  public static final String APPROVED_EVENT = "payments.claims.approved";

  // --- approval -----------------------------------------------------------------------------

  /**
   * Approves claims, one or many alike: never while acting for someone, and never a claim the
   * approver may not decide on ({@link ClaimHands#refusals}: their own, one they had a hand in, or
   * one whose person's bank details they changed within the hold). One refusal refuses them all, in
   * plain words.
   */
  @Transactional
  public List<Claim> approve(List<UUID> ids) {
    UUID approver = approver();
    refuseWhatTheyMayNotDecide(ids, approver);
    List<Claim> approved = new ArrayList<>();
    Map<UUID, List<UUID>> byMember = new HashMap<>();
    Map<UUID, Claim> locked = new HashMap<>();
    entityManager
        .createQuery("SELECT c FROM Claim c WHERE c.id IN :ids", Claim.class)
        .setParameter("ids", List.copyOf(new java.util.LinkedHashSet<>(ids)))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList()
        .forEach(c -> locked.put(c.id(), c));
    List<Claim> toApprove = new ArrayList<>();
    for (UUID id : new java.util.LinkedHashSet<>(ids)) {
      Claim claim = locked.get(id);
      if (claim == null) {
        throw new NotFound();
      }
      if (claim.status() == Claim.Status.APPROVED) {
        approved.add(claim);
        continue;
      }
      if (!ClaimTransitions.allows(claim.status(), Claim.Status.APPROVED)) {
        throw new Conflict(
            "Only submitted claims can be approved; this one is "
                + claim.status().name().toLowerCase());
      }
      toApprove.add(claim);
    }
    if (!toApprove.isEmpty()) {
      // One statement for the batch (the rows are locked above); the claims answered are the
      // same moved in memory, out of the unit of work so it does not write them again.
      java.time.Instant now = clock.instant();
      toApprove.forEach(entityManager::detach);
      bulk.approve(toApprove.stream().map(Claim::id).toList(), approver, now);
      for (Claim claim : toApprove) {
        claim.approve(approver, now);
        byMember.computeIfAbsent(claim.memberId(), m -> new ArrayList<>()).add(claim.id());
        approved.add(claim);
      }
      audit.record(
          "payments.claims.approved",
          "claim",
          toApprove.get(0).id().toString(),
          toApprove.size()
              + (toApprove.size() == 1 ? " claim: " : " claims: ")
              + String.join(", ", toApprove.stream().map(c -> c.id().toString()).toList()));
    }
    byMember.forEach(
        (member, claims) -> {
          var list = JSON.createArrayBuilder();
          claims.forEach(c -> list.add(c.toString()));
          events.publish(
              APPROVED_EVENT,
              JSON.createObjectBuilder()
                  .add("memberId", member.toString())
                  .add("claimIds", list)
                  .build());
        });
    return approved;
  }

  @Transactional
  public Claim reject(UUID id, String reason) {
    UUID approver = approver();
    Claim claim = entityManager.find(Claim.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (claim == null) {
      throw new NotFound();
    }
    // Sending back never pays anyone, so a hand in the claim does not stop it (the officer who
    // helped someone confirm may ask them for a receipt); one's own claim still does.
    if (claim.memberId().equals(approver)) {
      throw new Forbidden("Nobody decides on their own claim: ask another approver");
    }
    if (!ClaimTransitions.allows(claim.status(), Claim.Status.REJECTED)
        || claim.runId() != null
        || claim.paidFeePence() + claim.paidExpensesPence() != 0) {
      throw new Conflict(
          "Only a submitted or approved claim not yet sent for payment can be rejected");
    }
    ledger.reverse(claim);
    claim.reject(reason.strip());
    audit.record("payments.claim.rejected", "claim", id.toString(), reason.strip());
    return claim;
  }

  /** The one separation-of-duties check, for one claim or many. */
  private void refuseWhatTheyMayNotDecide(List<UUID> ids, UUID approver) {
    java.time.Instant holdStart =
        clock
            .instant()
            .minus(java.time.Duration.ofDays(settings.get(PaymentsPlugin.BANK_CHANGE_HOLD_DAYS)));
    Map<UUID, String> refused =
        hands.refusals(new java.util.LinkedHashSet<>(ids), approver, holdStart);
    if (!refused.isEmpty()) {
      throw new Forbidden(refused.values().iterator().next());
    }
  }

  private UUID approver() {
    if (currentMember.isActingForAnother()) {
      throw new Forbidden("Approve as yourself, not while acting for someone");
    }
    return currentMember.signedInId().orElseThrow(() -> new Forbidden("Sign in first"));
  }
}
