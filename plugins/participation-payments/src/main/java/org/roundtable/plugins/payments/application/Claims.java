package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.events.Events;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.Expense;
import org.roundtable.plugins.payments.domain.PayeeProfile;
import org.roundtable.plugins.payments.domain.Receipt;

/**
 * Reading claims: the one a caller may see, a person's own, the approval queue, a claim's expenses,
 * receipts and benefit warnings. The use cases that change claims are apart: {@link
 * ParticipationClaims} (made and corrected from participation records), {@link ClaimEdits} (by the
 * person: by hand, their choices, expenses, confirming) and {@link ClaimApprovals} (by someone
 * else). Amounts come from the policy in force on the activity's day.
 */
@ApplicationScoped
public class Claims {

  @Inject EntityManager entityManager;
  @Inject PluginSettings settings;
  @Inject BenefitCheck benefits;
  @Inject Events events;
  @Inject CurrentMember currentMember;

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

  private UUID me() {
    return currentMember.id().orElseThrow(() -> new Forbidden("Sign in first"));
  }
}
