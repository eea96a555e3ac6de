package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.LedgerEntry;

/**
 * The append-only ledger: every posting has an idempotency key (unique in the database), so the
 * same posting made twice is one line; a correction is a reversing line, never an edit.
 */
@ApplicationScoped
public class Ledger {

  @Inject EntityManager entityManager;
  @Inject TenantContext tenants;
  @Inject CurrentMember currentMember;
  @Inject Clock clock;

  /** Charges what a claim now owes the person: its payable fee and its expenses. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void charge(Claim claim, long expensesPence) {
    int revision = claim.chargeRevision() + 1;
    long fee = claim.payableFeePence();
    post(
        new LedgerEntry(
            "charge:" + claim.id() + ":" + revision,
            LedgerEntry.Kind.CHARGE,
            claim,
            fee,
            expensesPence,
            null,
            null,
            clock.instant(),
            postedBy()));
    claim.charged(revision, fee, expensesPence);
  }

  /**
   * Charges new claims (never charged, not yet written), a page of a catch-up at a time: returns
   * their ledger lines for one batch insert, after the claims, which now say what is charged.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<LedgerEntry> chargeNew(List<Claim> claims) {
    String postedBy = postedBy();
    List<LedgerEntry> lines = new java.util.ArrayList<>();
    for (Claim claim : claims) {
      if (claim.chargeRevision() != 0) {
        throw new IllegalStateException("Claim " + claim.id() + " is charged already");
      }
      long fee = claim.payableFeePence();
      lines.add(
          new LedgerEntry(
              "charge:" + claim.id() + ":1",
              LedgerEntry.Kind.CHARGE,
              claim,
              fee,
              0,
              null,
              null,
              clock.instant(),
              postedBy));
      claim.charged(1, fee, 0);
    }
    return lines;
  }

  /** Takes back what is charged for a claim, with a line that reverses its charge. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void reverse(Claim claim) {
    if (claim.chargedFeePence() == 0 && claim.chargedExpensesPence() == 0) {
      return;
    }
    int revision = claim.chargeRevision();
    LedgerEntry charge = byKey("charge:" + claim.id() + ":" + revision).orElseThrow();
    post(
        new LedgerEntry(
            "reverse:" + claim.id() + ":" + revision,
            LedgerEntry.Kind.REVERSAL,
            claim,
            -claim.chargedFeePence(),
            -claim.chargedExpensesPence(),
            charge.id(),
            null,
            clock.instant(),
            postedBy()));
    claim.charged(revision, 0, 0);
  }

  private void post(LedgerEntry entry) {
    entityManager.persist(entry);
  }

  private Optional<LedgerEntry> byKey(String key) {
    return entityManager
        .createQuery("SELECT e FROM LedgerEntry e WHERE e.idempotencyKey = :key", LedgerEntry.class)
        .setParameter("key", key)
        .getResultList()
        .stream()
        .findFirst();
  }

  private String postedBy() {
    return currentMember.signedInId().map(UUID::toString).orElse("system");
  }

  /** A claim's lines. */
  @Transactional
  public List<LedgerEntry> forClaim(UUID claimId) {
    return entityManager
        .createQuery(
            "SELECT e FROM LedgerEntry e WHERE e.claimId = :claim ORDER BY e.postedAt, e.id",
            LedgerEntry.class)
        .setParameter("claim", claimId)
        .getResultList();
  }

  /** A person's lines. */
  @Transactional
  public List<LedgerEntry> forMember(UUID memberId) {
    return entityManager
        .createQuery(
            "SELECT e FROM LedgerEntry e WHERE e.memberId = :member ORDER BY e.postedAt, e.id",
            LedgerEntry.class)
        .setParameter("member", memberId)
        .getResultList();
  }

  /**
   * A balance: what was charged (net of reversals) and paid, by person or by activity.
   *
   * @param key the person's id or the activity's title
   */
  public record Balance(
      String key,
      long chargedFeePence,
      long chargedExpensesPence,
      long paidPence,
      long owedPence) {}

  /** Balances per person. */
  @Transactional
  public List<Balance> balancesByMember() {
    return balances("CAST(e.member_id AS text)");
  }

  /** Balances per activity (its title, such as a board's meeting). */
  @Transactional
  public List<Balance> balancesByActivity() {
    return balances("e.activity_title");
  }

  private List<Balance> balances(String groupBy) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT "
                    + groupBy
                    + ", COALESCE(SUM(CASE WHEN e.kind <> 'PAYMENT' THEN e.fee_pence END), 0),"
                    + " COALESCE(SUM(CASE WHEN e.kind <> 'PAYMENT' THEN e.expenses_pence END), 0),"
                    + " COALESCE(-SUM(CASE WHEN e.kind = 'PAYMENT'"
                    + " THEN e.fee_pence + e.expenses_pence END), 0),"
                    + " SUM(e.fee_pence + e.expenses_pence)"
                    + " FROM payments_ledger_entry e WHERE e.tenant_id = ?1 GROUP BY 1 ORDER BY 1")
            .setParameter(1, tenants.current().slug())
            .getResultList();
    List<Balance> balances = new ArrayList<>();
    for (Object[] row : rows) {
      balances.add(
          new Balance(
              String.valueOf(row[0]),
              ((Number) row[1]).longValue(),
              ((Number) row[2]).longValue(),
              ((Number) row[3]).longValue(),
              ((Number) row[4]).longValue()));
    }
    return balances;
  }

  /** A claim whose ledger lines do not add up to what the claim says. */
  public record Mismatch(
      UUID claimId,
      Claim.Status status,
      long claimChargedPence,
      long ledgerChargedPence,
      long claimPaidPence,
      long ledgerPaidPence) {}

  /**
   * Checks every claim against its ledger lines: what is charged must be what the claim's state
   * says it owes (nothing for a draft, a rejected, declined or cancelled claim) and what is paid
   * must be what the claim says was paid. An empty list is a reconciled ledger.
   */
  @Transactional
  public List<Mismatch> reconcile() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT c.id, c.status,"
                    + " CASE WHEN c.status IN ('SUBMITTED', 'APPROVED', 'PAID')"
                    + " THEN c.charged_fee_pence + c.charged_expenses_pence ELSE 0 END,"
                    + " COALESCE(l.charged, 0), c.paid_fee_pence + c.paid_expenses_pence,"
                    + " COALESCE(l.paid, 0)"
                    + " FROM payments_claim c LEFT JOIN ("
                    + "   SELECT claim_id,"
                    + "     SUM(CASE WHEN kind <> 'PAYMENT' THEN fee_pence + expenses_pence END)"
                    + "       AS charged,"
                    + "     -SUM(CASE WHEN kind = 'PAYMENT' THEN fee_pence + expenses_pence END)"
                    + "       AS paid"
                    + "   FROM payments_ledger_entry WHERE tenant_id = ?1 GROUP BY claim_id) l"
                    + "   ON l.claim_id = c.id"
                    + " WHERE c.tenant_id = ?1 AND (CASE WHEN c.status IN ('SUBMITTED', 'APPROVED', 'PAID')"
                    + " THEN c.charged_fee_pence + c.charged_expenses_pence ELSE 0 END"
                    + "   <> COALESCE(l.charged, 0)"
                    + " OR c.paid_fee_pence + c.paid_expenses_pence <> COALESCE(l.paid, 0))"
                    + " ORDER BY c.id")
            .setParameter(1, tenants.current().slug())
            .getResultList();
    List<Mismatch> mismatches = new ArrayList<>();
    for (Object[] row : rows) {
      mismatches.add(
          new Mismatch(
              UUID.fromString(String.valueOf(row[0])),
              Claim.Status.valueOf(String.valueOf(row[1])),
              ((Number) row[2]).longValue(),
              ((Number) row[3]).longValue(),
              ((Number) row[4]).longValue(),
              ((Number) row[5]).longValue()));
    }
    return mismatches;
  }
}
