package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.events.Events;
import org.roundtable.api.money.Money;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.Expense;
import org.roundtable.plugins.payments.domain.PayeeProfile;
import org.roundtable.plugins.payments.domain.Policy;
import org.roundtable.plugins.payments.domain.Receipt;

/**
 * What the person (or an officer acting for them) does with their own claims: claims by hand for an
 * activity with no record, chooses how to be paid, adds expenses and receipts, confirms (after
 * reading any benefit warning) or declines. A claim changes only while it is a draft or sent back.
 */
@ApplicationScoped
public class ClaimEdits {

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
  @Inject Claims claims;

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

  // --- the person's changes -----------------------------------------------------------------

  /**
   * The person's claim, locked for the change (concurrent changes of one claim queue up); whoever
   * is signed in has a hand in it from now on (an officer acting for the person, too). Reading a
   * claim is no hand in it: an approver looks at a claim before deciding on it.
   */
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
    hands.record(id);
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
    List<Expense> expenses = claims.expenses(id);
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

  private UUID me() {
    return currentMember.id().orElseThrow(() -> new Forbidden("Sign in first"));
  }
}
