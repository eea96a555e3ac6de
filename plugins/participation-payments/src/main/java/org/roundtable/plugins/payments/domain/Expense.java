package org.roundtable.plugins.payments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** A cost claimed with a claim: separate from the fee, and never counted as earnings. */
@Entity
@Table(name = "payments_expense")
@TenantOwned
public class Expense {

  /** The kinds of expense the policy knows, in the order a form shows them. */
  public static final List<String> KINDS =
      List.of(
          "travel-fare",
          "mileage",
          "replacement-care",
          "childcare",
          "subsistence",
          "internet",
          "overnight-stay",
          "other");

  @Id private UUID id;

  @Column(name = "claim_id", nullable = false, updatable = false)
  private UUID claimId;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private String description;

  @Column(name = "amount_pence", nullable = false)
  private long amountPence;

  @Column private Integer miles;

  @Column(name = "prior_agreement")
  private String priorAgreement;

  @Column(name = "has_receipt", nullable = false)
  private boolean hasReceipt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Expense() {}

  public Expense(
      UUID id,
      UUID claimId,
      String kind,
      String description,
      long amountPence,
      Integer miles,
      String priorAgreement,
      Instant now) {
    this.id = id;
    this.claimId = claimId;
    this.kind = kind;
    this.description = description;
    this.amountPence = amountPence;
    this.miles = miles;
    this.priorAgreement = priorAgreement;
    this.createdAt = now;
  }

  public void receiptAttached() {
    this.hasReceipt = true;
  }

  public UUID id() {
    return id;
  }

  public UUID claimId() {
    return claimId;
  }

  public String kind() {
    return kind;
  }

  public String description() {
    return description;
  }

  public long amountPence() {
    return amountPence;
  }

  public Integer miles() {
    return miles;
  }

  public String priorAgreement() {
    return priorAgreement;
  }

  public boolean hasReceipt() {
    return hasReceipt;
  }
}
