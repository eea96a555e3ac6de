package org.roundtable.plugins.payments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/**
 * A claim for one person's time (and costs) for one activity, in whole pence. What the ledger has
 * charged and paid for it is kept alongside, so a correction knows what to reverse.
 */
@Entity
@Table(name = "payments_claim")
@TenantOwned
public class Claim {

  /** Where a claim comes from. */
  public enum Source {
    PARTICIPATION,
    MANUAL
  }

  /** How the person takes their fee. */
  public enum Method {
    BANK,
    VOUCHER,
    CHARITY,
    DECLINE
  }

  /** Where a claim is. */
  public enum Status {
    DRAFT,
    SUBMITTED,
    APPROVED,
    PAID,
    REJECTED,
    DECLINED,
    CANCELLED;

    /** Whether the ledger holds a charge for a claim in this state. */
    public boolean isCharged() {
      return this == SUBMITTED || this == APPROVED || this == PAID;
    }
  }

  @Id private UUID id;

  @Column(name = "member_id", nullable = false, updatable = false)
  private UUID memberId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Source source;

  // Text in Java: EclipseLink 4.0's UUID converter fails on NULL when reading.
  @Column(name = "participation_id", updatable = false)
  private String participationId;

  @Column(name = "activity_type", nullable = false)
  private String activityType;

  @Column(name = "activity_title", nullable = false)
  private String activityTitle;

  @Column(name = "activity_reference")
  private String activityReference;

  @Column(name = "activity_date", nullable = false)
  private LocalDate activityDate;

  @Column(nullable = false)
  private String role;

  @Column(nullable = false)
  private int minutes;

  @Column(nullable = false)
  private int documents;

  @Column(name = "fee_pence", nullable = false)
  private long feePence;

  @Column(name = "fee_basis", nullable = false)
  private String feeBasis;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Method method;

  @Column(name = "lower_amount_pence")
  private Long lowerAmountPence;

  @Column private String charity;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "reject_reason")
  private String rejectReason;

  @Column(name = "warning_acknowledged", nullable = false)
  private boolean warningAcknowledged;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "approved_at")
  private Instant approvedAt;

  @Column(name = "approved_by")
  private String approvedBy;

  @Column(name = "paid_on")
  private LocalDate paidOn;

  @Column(name = "run_id")
  private String runId;

  @Column(name = "charge_revision", nullable = false)
  private int chargeRevision;

  @Column(name = "charged_fee_pence", nullable = false)
  private long chargedFeePence;

  @Column(name = "charged_expenses_pence", nullable = false)
  private long chargedExpensesPence;

  @Column(name = "paid_fee_pence", nullable = false)
  private long paidFeePence;

  @Column(name = "paid_expenses_pence", nullable = false)
  private long paidExpensesPence;

  @Version private long version;

  protected Claim() {}

  public Claim(
      UUID id,
      UUID memberId,
      Source source,
      UUID participationId,
      Activity activity,
      Fee fee,
      Method method,
      String charity,
      Instant now) {
    this.id = id;
    this.memberId = memberId;
    this.source = source;
    this.participationId = text(participationId);
    this.method = method;
    this.charity = method == Method.CHARITY ? charity : null;
    this.status = Status.DRAFT;
    this.createdAt = now;
    describe(activity, fee);
  }

  /** What was done and what the policy pays for it. */
  public record Activity(
      String type,
      String title,
      String reference,
      LocalDate date,
      String role,
      int minutes,
      int documents) {}

  /** The fee the policy gives, and how it was worked out in words. */
  public record Fee(long pence, String basis) {}

  /** Takes new facts; returns whether anything a person or the ledger would see changed. */
  public final boolean describe(Activity activity, Fee fee) {
    boolean changed =
        !activity.equals(activity()) || fee.pence() != feePence || !fee.basis().equals(feeBasis);
    this.activityType = activity.type();
    this.activityTitle = activity.title();
    this.activityReference = activity.reference();
    this.activityDate = activity.date();
    this.role = activity.role();
    this.minutes = activity.minutes();
    this.documents = activity.documents();
    this.feePence = fee.pence();
    this.feeBasis = fee.basis();
    return changed;
  }

  public Activity activity() {
    return new Activity(
        activityType, activityTitle, activityReference, activityDate, role, minutes, documents);
  }

  /** The fee the person takes: nothing if declined, their lower amount if they chose one. */
  public long payableFeePence() {
    if (method == Method.DECLINE) {
      return 0;
    }
    return lowerAmountPence == null ? feePence : Math.min(lowerAmountPence, feePence);
  }

  public void choose(Method method, Long lowerAmountPence, String charity) {
    this.method = method;
    this.lowerAmountPence = lowerAmountPence;
    this.charity = method == Method.CHARITY ? charity : null;
  }

  /** Moves the claim, where {@link ClaimTransitions} allows it. */
  public void moveTo(Status status, Instant now) {
    ClaimTransitions.require(this.status, status);
    this.status = status;
    switch (status) {
      case SUBMITTED -> {
        this.submittedAt = now;
        this.approvedAt = null;
        this.approvedBy = null;
        this.rejectReason = null;
      }
      case DRAFT, DECLINED, CANCELLED -> this.rejectReason = null;
      default -> {}
    }
  }

  public void approve(UUID approver, Instant now) {
    ClaimTransitions.require(this.status, Status.APPROVED);
    this.status = Status.APPROVED;
    this.approvedBy = text(approver);
    this.approvedAt = now;
  }

  public void reject(String reason) {
    ClaimTransitions.require(this.status, Status.REJECTED);
    this.status = Status.REJECTED;
    this.rejectReason = reason;
  }

  public void acknowledgeWarning(boolean acknowledged) {
    this.warningAcknowledged = acknowledged;
  }

  /** Records what the ledger now holds as charged for this claim. */
  public void charged(int revision, long feePence, long expensesPence) {
    this.chargeRevision = revision;
    this.chargedFeePence = feePence;
    this.chargedExpensesPence = expensesPence;
  }

  public void inRun(UUID runId) {
    this.runId = text(runId);
  }

  static String text(UUID id) {
    return id == null ? null : id.toString();
  }

  static UUID uuid(String id) {
    return id == null ? null : UUID.fromString(id);
  }

  public UUID id() {
    return id;
  }

  public UUID memberId() {
    return memberId;
  }

  public Source source() {
    return source;
  }

  public UUID participationId() {
    return uuid(participationId);
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

  public String role() {
    return role;
  }

  public int minutes() {
    return minutes;
  }

  public int documents() {
    return documents;
  }

  public long feePence() {
    return feePence;
  }

  public String feeBasis() {
    return feeBasis;
  }

  public Method method() {
    return method;
  }

  public Long lowerAmountPence() {
    return lowerAmountPence;
  }

  public String charity() {
    return charity;
  }

  public Status status() {
    return status;
  }

  public String rejectReason() {
    return rejectReason;
  }

  public boolean warningAcknowledged() {
    return warningAcknowledged;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public Instant approvedAt() {
    return approvedAt;
  }

  public UUID approvedBy() {
    return uuid(approvedBy);
  }

  public LocalDate paidOn() {
    return paidOn;
  }

  public UUID runId() {
    return uuid(runId);
  }

  public int chargeRevision() {
    return chargeRevision;
  }

  public long chargedFeePence() {
    return chargedFeePence;
  }

  public long chargedExpensesPence() {
    return chargedExpensesPence;
  }

  public long paidFeePence() {
    return paidFeePence;
  }

  public long paidExpensesPence() {
    return paidExpensesPence;
  }

  /** What is still owed to the person (negative: paid more than is now due, to recover). */
  public long outstandingPence() {
    return chargedFeePence + chargedExpensesPence - paidFeePence - paidExpensesPence;
  }

  public long version() {
    return version;
  }
}
