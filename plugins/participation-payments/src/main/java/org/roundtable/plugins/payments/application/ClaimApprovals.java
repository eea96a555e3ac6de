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
import org.roundtable.api.money.Money;
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
  @Inject org.roundtable.api.tenancy.TenantContext tenants;

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

  /**
   * The claims waiting that the signed-in person may approve (how many, of how many people, what
   * they still pay) and how many of the rest wait for another approver (their own, ones they had a
   * hand in, or ones whose person's bank details they changed within the hold).
   */
  public record Queue(long claims, long people, long totalPence, long forAnotherApprover) {}

  /** The queue as the signed-in approver finds it: what {@link #approveQueue} would approve. */
  @Transactional
  public Queue queue() {
    UUID approver = approver();
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "SELECT count(*) FILTER (WHERE may),"
                        + " count(DISTINCT member_id) FILTER (WHERE may),"
                        + " coalesce(sum(owed) FILTER (WHERE may), 0),"
                        + " count(*) FILTER (WHERE NOT may)"
                        + " FROM (SELECT c.member_id, "
                        + BulkWrites.OWED
                        + " AS owed, "
                        + ClaimHands.MAY_DECIDE
                        + " AS may FROM payments_claim c WHERE c.tenant_id = ?1 AND c."
                        + ClaimTransitions.sqlInto(Claim.Status.APPROVED)
                        + ") waiting")
                .setParameter(1, tenants.current().slug())
                .setParameter(2, approver)
                .setParameter(3, java.time.OffsetDateTime.ofInstant(holdStart(), UTC))
                .getSingleResult();
    return new Queue(number(row[0]), number(row[1]), number(row[2]), number(row[3]));
  }

  /**
   * Approves every claim waiting that the signed-in person may decide on, in one statement, if the
   * queue still holds what they were shown ({@code claims} claims paying {@code totalPence}):
   * otherwise nothing is approved and they look again. One audit entry names the batch (each claim
   * keeps who approved it and when); each person is told once.
   */
  @Transactional
  public Queue approveQueue(long claims, long totalPence) {
    UUID approver = approver();
    java.time.Instant now = clock.instant();
    String waiting =
        "c." + ClaimTransitions.sqlInto(Claim.Status.APPROVED) + " AND " + ClaimHands.MAY_DECIDE;
    // A chunk a statement (each inside the statement timeout), until none is left; the
    // conditions are checked again on each locked row. The chunk's ids are looked up by key (an
    // array, not a join): on a table that grew by 100,000 rows since it was last analysed, a
    // join was planned as a nested loop over every claim and ran past the timeout.
    jakarta.persistence.Query chunk =
        entityManager
            .createNativeQuery(
                "WITH approved AS (UPDATE payments_claim c SET status = 'APPROVED',"
                    + " approved_by = ?2, approved_at = ?4, version = c.version + 1"
                    + " WHERE c.tenant_id = ?1 AND c.id = ANY (ARRAY (SELECT c.id"
                    + "  FROM payments_claim c WHERE c.tenant_id = ?1 AND "
                    + waiting
                    + " LIMIT "
                    + BulkWrites.CHUNK
                    + ")) AND "
                    + waiting
                    + " RETURNING c.id, c.member_id, "
                    + BulkWrites.OWED
                    + " AS owed)"
                    + " SELECT member_id, string_agg(id::text, ','), count(*), sum(owed)"
                    + " FROM approved GROUP BY member_id")
            .setParameter(1, tenants.current().slug())
            .setParameter(2, approver)
            .setParameter(3, java.time.OffsetDateTime.ofInstant(holdStart(), UTC))
            .setParameter(4, java.time.OffsetDateTime.ofInstant(now, UTC));
    Map<String, List<String>> byPerson = new java.util.TreeMap<>();
    long approved = 0;
    long total = 0;
    while (true) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows = chunk.getResultList();
      if (rows.isEmpty()) {
        break;
      }
      for (Object[] row : rows) {
        byPerson
            .computeIfAbsent(row[0].toString(), m -> new ArrayList<>())
            .addAll(List.of(((String) row[1]).split(",")));
        approved += number(row[2]);
        total += number(row[3]);
      }
    }
    if (approved != claims || total != totalPence) {
      // Thrown before commit: the update is rolled back whole.
      throw new Conflict(
          "The queue changed since you looked: it now holds "
              + approved
              + (approved == 1 ? " claim" : " claims")
              + " you may approve, paying "
              + Money.ofPence(total).display()
              + ". Look at it again before approving");
    }
    if (approved == 0) {
      return new Queue(0, 0, 0, 0);
    }
    audit.record(
        "payments.claims.approved",
        "approver",
        approver.toString(),
        approved
            + (approved == 1 ? " claim" : " claims")
            + " of "
            + byPerson.size()
            + (byPerson.size() == 1 ? " person" : " people")
            + ", "
            + Money.ofPence(total).display()
            + ": the whole queue they may decide on, each claim approved at "
            + now);
    byPerson.forEach(
        (member, ids) -> {
          var list = JSON.createArrayBuilder();
          ids.forEach(list::add);
          events.publish(
              APPROVED_EVENT,
              JSON.createObjectBuilder().add("memberId", member).add("claimIds", list).build());
        });
    return new Queue(approved, byPerson.size(), total, 0);
  }

  private static final java.time.ZoneOffset UTC = java.time.ZoneOffset.UTC;

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private java.time.Instant holdStart() {
    return clock
        .instant()
        .minus(java.time.Duration.ofDays(settings.get(PaymentsPlugin.BANK_CHANGE_HOLD_DAYS)));
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
    Map<UUID, String> refused =
        hands.refusals(new java.util.LinkedHashSet<>(ids), approver, holdStart());
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
