package org.roundtable.core.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.roundtable.api.reference.BenefitLimits;

/** One dated figure of a national benefit limit: platform-level, not tenant-owned. */
@Entity
@Table(name = "reference_benefit_limit")
@IdClass(BenefitLimitFigure.Key.class)
public class BenefitLimitFigure {

  /** Its key: the limit and the day the figure applies from. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String code;
    private LocalDate appliesFrom;

    public Key() {}

    public Key(String code, LocalDate appliesFrom) {
      this.code = code;
      this.appliesFrom = appliesFrom;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k
          && Objects.equals(code, k.code)
          && Objects.equals(appliesFrom, k.appliesFrom);
    }

    @Override
    public int hashCode() {
      return Objects.hash(code, appliesFrom);
    }
  }

  @Id private String code;

  @Id
  @Column(name = "applies_from")
  private LocalDate appliesFrom;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private BenefitLimits.Period period;

  @Column(name = "amount_pence", nullable = false)
  private long amountPence;

  @Column(nullable = false)
  private String note;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  protected BenefitLimitFigure() {}

  BenefitLimitFigure(BenefitLimits.Limit limit, Instant now, String by) {
    this.code = limit.code();
    this.appliesFrom = limit.appliesFrom();
    change(limit, now, by);
  }

  final void change(BenefitLimits.Limit limit, Instant now, String by) {
    this.name = limit.name();
    this.period = limit.period();
    this.amountPence = limit.amountPence();
    this.note = limit.note();
    this.updatedAt = now;
    this.updatedBy = by;
  }

  public BenefitLimits.Limit toLimit() {
    return new BenefitLimits.Limit(code, name, period, amountPence, appliesFrom, note);
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }
}
