package org.roundtable.plugins.payments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/**
 * One line of the append-only ledger. A charge is what a claim owes the person (positive), a
 * reversal takes a charge back (negative), a payment is what was paid out (negative): the sum for a
 * person is what the council still owes them. The database refuses to change or delete a line.
 */
@Entity
@Table(name = "payments_ledger_entry")
@TenantOwned
public class LedgerEntry {

  /** What a line records. */
  public enum Kind {
    CHARGE,
    REVERSAL,
    PAYMENT
  }

  @Id private UUID id;

  @Column(name = "idempotency_key", nullable = false, updatable = false)
  private String idempotencyKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Kind kind;

  @Column(name = "member_id", nullable = false, updatable = false)
  private UUID memberId;

  @Column(name = "claim_id", nullable = false, updatable = false)
  private UUID claimId;

  @Column(name = "activity_type", nullable = false, updatable = false)
  private String activityType;

  @Column(name = "activity_title", nullable = false, updatable = false)
  private String activityTitle;

  @Column(name = "activity_date", nullable = false, updatable = false)
  private LocalDate activityDate;

  @Column(name = "fee_pence", nullable = false, updatable = false)
  private long feePence;

  @Column(name = "expenses_pence", nullable = false, updatable = false)
  private long expensesPence;

  // Text in Java: EclipseLink 4.0's UUID converter fails on NULL when reading.
  @Column(updatable = false)
  private String reverses;

  @Column(name = "run_id", updatable = false)
  private String runId;

  @Column(name = "posted_at", nullable = false, updatable = false)
  private Instant postedAt;

  @Column(name = "posted_by", nullable = false, updatable = false)
  private String postedBy;

  protected LedgerEntry() {}

  public LedgerEntry(
      String idempotencyKey,
      Kind kind,
      Claim claim,
      long feePence,
      long expensesPence,
      UUID reverses,
      UUID runId,
      Instant now,
      String postedBy) {
    this.id = UUID.randomUUID();
    this.idempotencyKey = idempotencyKey;
    this.kind = kind;
    this.memberId = claim.memberId();
    this.claimId = claim.id();
    this.activityType = claim.activityType();
    this.activityTitle = claim.activityTitle();
    this.activityDate = claim.activityDate();
    this.feePence = feePence;
    this.expensesPence = expensesPence;
    this.reverses = Claim.text(reverses);
    this.runId = Claim.text(runId);
    this.postedAt = now;
    this.postedBy = postedBy;
  }

  public UUID id() {
    return id;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public Kind kind() {
    return kind;
  }

  public UUID memberId() {
    return memberId;
  }

  public UUID claimId() {
    return claimId;
  }

  public String activityType() {
    return activityType;
  }

  public String activityTitle() {
    return activityTitle;
  }

  public LocalDate activityDate() {
    return activityDate;
  }

  public long feePence() {
    return feePence;
  }

  public long expensesPence() {
    return expensesPence;
  }

  public UUID reverses() {
    return Claim.uuid(reverses);
  }

  public UUID runId() {
    return Claim.uuid(runId);
  }

  public String postedBy() {
    return postedBy;
  }

  public Instant postedAt() {
    return postedAt;
  }
}
