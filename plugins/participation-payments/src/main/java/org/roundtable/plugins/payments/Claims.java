package org.roundtable.plugins.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.events.Events;
import org.roundtable.api.money.Money;
import org.roundtable.api.participation.Participation;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.api.time.UkTime;

/**
 * Claims from draft to paid: made from participation (exactly once per record) or by hand,
 * confirmed, changed or declined by the person (or an officer acting for them), approved by someone
 * else, paid by finance. Amounts come from the policy in force on the activity's day.
 */
@ApplicationScoped
public class Claims {

  /** UK local time, for the day an activity happened on. */

  /** Event sent when claims are approved (one per person per approval). */
  public static final String APPROVED_EVENT = "payments.claims.approved";

  @Inject EntityManager entityManager;
  @Inject PluginSettings settings;
  @Inject Ledger ledger;
  @Inject Payees payees;
  @Inject BenefitCheck benefits;
  @Inject AuditTrail audit;
  @Inject Events events;
  @Inject CurrentMember currentMember;
  @Inject Clock clock;
  @Inject ClaimHands hands;

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

  /** The same for a page of records, with their claims and profiles read in one go. */
  @Transactional(Transactional.TxType.REQUIRED)
  public int reconcileAll(List<ParticipationRecords.Entry> entries, PolicyCache policies) {
    Map<UUID, Claim> existing = existingFor(entries.stream().map(e -> e.recordId()).toList());
    Map<UUID, PayeeProfile> profiles =
        payees.existing(entries.stream().map(e -> e.participation().memberId()).toList());
    int changed = 0;
    for (ParticipationRecords.Entry entry : entries) {
      changed += reconcile(entry, policies, existing, profiles) ? 1 : 0;
    }
    return changed;
  }

  /** A page of a catch-up, in a transaction of its own so a long catch-up commits as it goes. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int reconcilePage(List<ParticipationRecords.Entry> entries, PolicyCache policies) {
    return reconcileAll(entries, policies);
  }

  private Map<UUID, Claim> existingFor(List<UUID> recordIds) {
    Map<UUID, Claim> found = new HashMap<>();
    if (recordIds.isEmpty()) {
      return found;
    }
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
      if (!paid) {
        return false;
      }
      // A page read every profile of its people at once (null: one record, read it now).
      PayeeProfile profile =
          profiles != null
              ? profiles.get(p.memberId())
              : entityManager.find(PayeeProfile.class, p.memberId());
      Claim.Method method = profile == null ? Claim.Method.BANK : profile.defaultMethod();
      claim =
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
      entityManager.persist(claim);
      audit.record(
          "payments.claim.created",
          "claim",
          claim.id().toString(),
          "from " + p.activityReference());
      boolean warnFirst = profile != null && profile.benefitAwareness();
      if (policies.autoSubmit() && !warnFirst) {
        claim.moveTo(Claim.Status.SUBMITTED, clock.instant());
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
    long expenses = expensesTotal(claim.id());
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

  // --- by hand --------------------------------------------------------------------------------

  /** What a person claims by hand for an activity with no participation record. */
  public record ManualClaim(
      String activityType,
      String activityTitle,
      LocalDate activityDate,
      String role,
      int minutes,
      int documents) {}

  @Transactional
  public Claim claimByHand(ManualClaim request) {
    UUID memberId = me();
    if (request.activityDate().isAfter(LocalDate.now(clock.withZone(UkTime.ZONE)))) {
      throw new Refused(
          "activityDate", "Claim after the activity, not before: the date is in the future");
    }
    Policy policy = Policy.on(settings, request.activityDate());
    if (policy.rateFor(request.activityType()).isEmpty()) {
      throw new Refused(
          "activityType",
          "The council's policy does not pay for '" + request.activityType() + "' activities");
    }
    Map<String, Object> rate = policy.rateFor(request.activityType()).get();
    if ("document".equals(rate.get("basis")) && request.documents() < 1) {
      throw new Refused("documents", "Say how many documents you reviewed");
    }
    if (!"document".equals(rate.get("basis")) && request.minutes() < 1) {
      throw new Refused("minutes", "Say how long the activity took, in minutes");
    }
    PayeeProfile profile = payees.profile(memberId);
    Claim claim =
        new Claim(
            UUID.randomUUID(),
            memberId,
            Claim.Source.MANUAL,
            null,
            new Claim.Activity(
                request.activityType(),
                request.activityTitle(),
                null,
                request.activityDate(),
                request.role(),
                request.minutes(),
                request.documents()),
            policy.fee(request.activityType(), request.minutes(), request.documents()),
            profile.defaultMethod(),
            profile.charity(),
            clock.instant());
    entityManager.persist(claim);
    hands.record(claim.id());
    audit.record("payments.claim.created", "claim", claim.id().toString(), "by hand");
    return claim;
  }

  // --- reading ------------------------------------------------------------------------------

  /**
   * A claim the caller may see: their own (or the person's they act for), or anyone's with the
   * permission to read all; otherwise it does not exist for them.
   */
  @Transactional
  public Claim visible(UUID id) {
    Claim claim = entityManager.find(Claim.class, id);
    if (claim == null
        || !(claim.memberId().equals(currentMember.id().orElse(null))
            || currentMember.hasPermission(PaymentsPlugin.READ_ALL))) {
      throw new NotFound();
    }
    hands.record(id);
    return claim;
  }

  @Transactional
  public List<Claim> mine() {
    return forMember(me());
  }

  @Transactional
  public List<Claim> forMember(UUID memberId) {
    return entityManager
        .createQuery(
            "SELECT c FROM Claim c WHERE c.memberId = :member"
                + " ORDER BY c.activityDate DESC, c.createdAt DESC",
            Claim.class)
        .setParameter("member", memberId)
        .getResultList();
  }

  /**
   * Claims in a state (the approval queue is SUBMITTED), oldest activity first, a page at a time.
   */
  @Transactional
  public List<Claim> inStatus(Claim.Status status, int offset, int limit) {
    return entityManager
        .createQuery(
            "SELECT c FROM Claim c WHERE c.status = :status ORDER BY c.activityDate, c.id",
            Claim.class)
        .setParameter("status", status)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional
  public List<Expense> expenses(UUID claimId) {
    return entityManager
        .createQuery(
            "SELECT e FROM Expense e WHERE e.claimId = :claim ORDER BY e.createdAt, e.id",
            Expense.class)
        .setParameter("claim", claimId)
        .getResultList();
  }

  long expensesTotal(UUID claimId) {
    return expenses(claimId).stream().mapToLong(Expense::amountPence).sum();
  }

  /** The benefit warnings of a claim, for its person or, with their consent, an officer. */
  @Transactional
  public List<BenefitCheck.Warning> warnings(Claim claim) {
    PayeeProfile profile = entityManager.find(PayeeProfile.class, claim.memberId());
    if (profile == null) {
      return List.of();
    }
    boolean own = claim.memberId().equals(currentMember.id().orElse(null));
    if (!own && !profile.shareWithOfficer()) {
      return List.of();
    }
    return benefits.forClaim(claim, profile);
  }

  // --- the person's changes -----------------------------------------------------------------

  /** The person's claim, locked for the change (concurrent changes of one claim queue up). */
  private Claim ownForChange(UUID id) {
    Claim claim = entityManager.find(Claim.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (claim == null) {
      throw new NotFound();
    }
    if (!claim.memberId().equals(currentMember.id().orElse(null))) {
      if (currentMember.hasPermission(PaymentsPlugin.READ_ALL)) {
        throw new Forbidden(
            "Only the person, or an officer acting for them, can change their claim");
      }
      throw new NotFound();
    }
    return claim;
  }

  private static void requireEditable(Claim claim) {
    if (claim.status() != Claim.Status.DRAFT && claim.status() != Claim.Status.REJECTED) {
      throw new Conflict(
          "This claim is " + claim.status().name().toLowerCase() + " and can no longer be changed");
    }
  }

  /** How the person takes this claim's fee: bank, vouchers, charity, a lower amount, or not. */
  @Transactional
  public Claim choose(UUID id, Claim.Method method, Long lowerAmountPence, String charity) {
    Claim claim = ownForChange(id);
    requireEditable(claim);
    if (method == Claim.Method.CHARITY && (charity == null || charity.isBlank())) {
      throw new Refused("charity", "Name the charity the fee should go to");
    }
    if (lowerAmountPence != null && lowerAmountPence > claim.feePence()) {
      throw new Refused(
          "lowerAmountPence",
          "A lower amount cannot be more than the fee of "
              + Money.ofPence(claim.feePence()).display());
    }
    claim.choose(method, lowerAmountPence, charity == null ? null : charity.strip());
    audit.record(
        "payments.claim.choice-changed",
        "claim",
        id.toString(),
        method + (lowerAmountPence == null ? "" : " " + lowerAmountPence + "p"));
    return claim;
  }

  /** An expense as the person claims it. */
  public record NewExpense(
      String kind, String description, Long amountPence, Integer miles, String priorAgreement) {}

  @Transactional
  public Expense addExpense(UUID claimId, NewExpense request) {
    Claim claim = ownForChange(claimId);
    requireEditable(claim);
    Policy policy = Policy.on(settings, claim.activityDate());
    if (!Expense.KINDS.contains(request.kind())) {
      throw new Refused("kind", "The kind of expense must be one of " + Expense.KINDS);
    }
    long amount;
    if ("mileage".equals(request.kind())) {
      if (request.miles() == null || request.miles() < 1 || request.miles() > 2000) {
        throw new Refused("miles", "Give the miles driven there and back, 1 to 2000");
      }
      amount = request.miles() * policy.mileageRate();
    } else {
      if (request.amountPence() == null || request.amountPence() < 1) {
        throw new Refused("amountPence", "Give the amount in pence, like 450 for £4.50");
      }
      amount = request.amountPence();
      if ("subsistence".equals(request.kind()) && amount > policy.subsistenceCap()) {
        throw new Refused(
            "amountPence",
            "Food and drink is paid up to " + Money.ofPence(policy.subsistenceCap()).display());
      }
      if ("internet".equals(request.kind()) && amount > policy.internetAllowance()) {
        throw new Refused(
            "amountPence",
            "Phone and internet is paid up to "
                + Money.ofPence(policy.internetAllowance()).display());
      }
    }
    if (policy.priorAgreement().contains(request.kind())
        && (request.priorAgreement() == null || request.priorAgreement().isBlank())) {
      throw new Refused(
          "priorAgreement",
          "This kind of expense must be agreed in advance: say who agreed it and when");
    }
    Expense expense =
        new Expense(
            UUID.randomUUID(),
            claimId,
            request.kind(),
            request.description(),
            amount,
            "mileage".equals(request.kind()) ? request.miles() : null,
            request.priorAgreement() == null ? null : request.priorAgreement().strip(),
            clock.instant());
    entityManager.persist(expense);
    audit.record("payments.expense.added", "claim", claimId.toString(), request.kind());
    return expense;
  }

  @Transactional
  public void removeExpense(UUID claimId, UUID expenseId) {
    Claim claim = ownForChange(claimId);
    requireEditable(claim);
    Expense expense = entityManager.find(Expense.class, expenseId);
    if (expense == null || !expense.claimId().equals(claimId)) {
      throw new NotFound();
    }
    Receipt receipt = entityManager.find(Receipt.class, expenseId);
    if (receipt != null) {
      entityManager.remove(receipt);
    }
    entityManager.remove(expense);
    audit.record("payments.expense.removed", "claim", claimId.toString(), expense.kind());
  }

  @Transactional
  public void attachReceipt(
      UUID claimId, UUID expenseId, String fileName, String contentType, byte[] content) {
    Claim claim = ownForChange(claimId);
    requireEditable(claim);
    Expense expense = entityManager.find(Expense.class, expenseId);
    if (expense == null || !expense.claimId().equals(claimId)) {
      throw new NotFound();
    }
    Receipt receipt = entityManager.find(Receipt.class, expenseId);
    if (receipt == null) {
      entityManager.persist(
          new Receipt(expenseId, fileName, contentType, content, clock.instant()));
    } else {
      receipt.replace(fileName, contentType, content, clock.instant());
    }
    expense.receiptAttached();
    audit.record("payments.receipt.attached", "claim", claimId.toString(), fileName);
  }

  @Transactional
  public Receipt receipt(UUID claimId, UUID expenseId) {
    visible(claimId);
    Expense expense = entityManager.find(Expense.class, expenseId);
    Receipt receipt = entityManager.find(Receipt.class, expenseId);
    if (expense == null || receipt == null || !expense.claimId().equals(claimId)) {
      throw new NotFound();
    }
    return receipt;
  }

  /** The outcome of confirming a claim: the claim, or the warnings to read first. */
  public record Submission(Claim claim, List<BenefitCheck.Warning> warnings, boolean submitted) {}

  /**
   * The person confirms their claim. Idempotent: confirming a claim already submitted (the same
   * request again, or fifty at once) changes nothing and posts nothing. A claim that would cross a
   * benefit limit the person asked to hear about waits until they have read the warning.
   */
  @Transactional
  public Submission submit(UUID id, boolean acknowledgeWarnings) {
    Claim claim = ownForChange(id);
    if (claim.status() == Claim.Status.SUBMITTED
        || claim.status() == Claim.Status.APPROVED
        || claim.status() == Claim.Status.PAID) {
      return new Submission(claim, List.of(), false);
    }
    requireEditable(claim);
    Policy policy = Policy.on(settings, claim.activityDate());
    List<Expense> expenses = expenses(id);
    for (Expense expense : expenses) {
      if (!"mileage".equals(expense.kind())
          && expense.amountPence() > policy.receiptAbove()
          && !expense.hasReceipt()) {
        throw new Conflict(
            "Add a receipt for '"
                + expense.description()
                + "': expenses over "
                + Money.ofPence(policy.receiptAbove()).display()
                + " need one");
      }
    }
    List<BenefitCheck.Warning> warnings =
        benefits.forClaim(claim, payees.profile(claim.memberId()));
    if (!warnings.isEmpty() && !acknowledgeWarnings) {
      return new Submission(claim, warnings, false);
    }
    claim.acknowledgeWarning(!warnings.isEmpty());
    claim.moveTo(Claim.Status.SUBMITTED, clock.instant());
    ledger.charge(claim, expenses.stream().mapToLong(Expense::amountPence).sum());
    audit.record(
        "payments.claim.submitted",
        "claim",
        id.toString(),
        warnings.isEmpty() ? null : "after reading a benefit warning");
    return new Submission(claim, warnings, true);
  }

  /** The person does not want paying for this activity at all. */
  @Transactional
  public Claim decline(UUID id) {
    Claim claim = ownForChange(id);
    if (claim.status() == Claim.Status.DECLINED) {
      return claim;
    }
    requireEditable(claim);
    claim.moveTo(Claim.Status.DECLINED, clock.instant());
    audit.record("payments.claim.declined", "claim", id.toString(), null);
    return claim;
  }

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
    for (UUID id : ids) {
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
      claim.approve(approver, clock.instant());
      audit.record("payments.claim.approved", "claim", id.toString(), null);
      byMember.computeIfAbsent(claim.memberId(), m -> new ArrayList<>()).add(id);
      approved.add(claim);
    }
    byMember.forEach(
        (member, claims) -> {
          var list = Json.createArrayBuilder();
          claims.forEach(c -> list.add(c.toString()));
          events.publish(
              APPROVED_EVENT,
              Json.createObjectBuilder()
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

  private UUID me() {
    return currentMember.id().orElseThrow(() -> new Forbidden("Sign in first"));
  }
}
