package org.roundtable.plugins.payments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/**
 * One payment line of a finance run, fixed when the run is made: exporting the run again gives the
 * same file, and marking it paid checks each claim still says what its line says.
 */
@Entity
@Table(name = "payments_run_line")
@TenantOwned
@IdClass(RunLine.Key.class)
public class RunLine {

  /** A line's key: its run and its number in it. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private UUID runId;
    private int lineNumber;

    public Key() {}

    public Key(UUID runId, int lineNumber) {
      this.runId = runId;
      this.lineNumber = lineNumber;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && Objects.equals(runId, k.runId) && lineNumber == k.lineNumber;
    }

    @Override
    public int hashCode() {
      return Objects.hash(runId, lineNumber);
    }
  }

  @Id
  @Column(name = "run_id")
  private UUID runId;

  @Id
  @Column(name = "line_number")
  private int lineNumber;

  @Column(name = "claim_id", nullable = false)
  private UUID claimId;

  @Column(name = "charge_revision", nullable = false)
  private int chargeRevision;

  @Column(name = "member_id", nullable = false)
  private UUID memberId;

  @Column(name = "payee_reference", nullable = false)
  private String payeeReference;

  @Column(name = "payee_name", nullable = false)
  private String payeeName;

  @Column(nullable = false)
  private String method;

  @Column private String charity;

  @Column(name = "fee_pence", nullable = false)
  private long feePence;

  @Column(name = "expenses_pence", nullable = false)
  private long expensesPence;

  @Column(name = "activity_date", nullable = false)
  private LocalDate activityDate;

  @Column(name = "activity_type", nullable = false)
  private String activityType;

  @Column(name = "activity_title", nullable = false)
  private String activityTitle;

  protected RunLine() {}

  public UUID runId() {
    return runId;
  }

  public int lineNumber() {
    return lineNumber;
  }

  public UUID claimId() {
    return claimId;
  }

  public int chargeRevision() {
    return chargeRevision;
  }

  public UUID memberId() {
    return memberId;
  }

  public String payeeReference() {
    return payeeReference;
  }

  public String payeeName() {
    return payeeName;
  }

  public String method() {
    return method;
  }

  public String charity() {
    return charity;
  }

  public long feePence() {
    return feePence;
  }

  public long expensesPence() {
    return expensesPence;
  }

  public LocalDate activityDate() {
    return activityDate;
  }

  public String activityType() {
    return activityType;
  }

  public String activityTitle() {
    return activityTitle;
  }
}
