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

/** A batch of approved claims finance exports for payment: open, then paid or void. */
@Entity
@Table(name = "payments_run")
@TenantOwned
public class FinanceRun {

  /** Where a run is. */
  public enum Status {
    OPEN,
    PAID,
    VOID
  }

  @Id private UUID id;

  @Column(nullable = false, updatable = false)
  private int number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "line_count", nullable = false)
  private int lineCount;

  @Column(name = "fee_pence", nullable = false)
  private long feePence;

  @Column(name = "expenses_pence", nullable = false)
  private long expensesPence;

  @Column(name = "paid_on")
  private LocalDate paidOn;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "closed_by")
  private String closedBy;

  @Version private long version;

  protected FinanceRun() {}

  public FinanceRun(UUID id, int number, Instant now, String createdBy) {
    this.id = id;
    this.number = number;
    this.status = Status.OPEN;
    this.createdAt = now;
    this.createdBy = createdBy;
  }

  public void totals(int lineCount, long feePence, long expensesPence) {
    this.lineCount = lineCount;
    this.feePence = feePence;
    this.expensesPence = expensesPence;
  }

  public void close(Status status, LocalDate paidOn, Instant now, String by) {
    this.status = status;
    this.paidOn = paidOn;
    this.closedAt = now;
    this.closedBy = by;
  }

  public UUID id() {
    return id;
  }

  public int number() {
    return number;
  }

  public Status status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public int lineCount() {
    return lineCount;
  }

  public long feePence() {
    return feePence;
  }

  public long expensesPence() {
    return expensesPence;
  }

  public LocalDate paidOn() {
    return paidOn;
  }
}
