package org.roundtable.plugins.payments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/**
 * A person's payment choices: how they usually take their fee, the minimum the council needs to pay
 * them (a finance-system reference, or bank details sealed with the platform's data keys and shown
 * only masked), and whether they want benefit warnings.
 */
@Entity
@Table(name = "payments_payee")
@TenantOwned
public class PayeeProfile {

  @Id
  @Column(name = "member_id")
  private UUID memberId;

  @Enumerated(EnumType.STRING)
  @Column(name = "default_method", nullable = false)
  private Claim.Method defaultMethod = Claim.Method.BANK;

  @Column private String charity;

  @Column(name = "finance_reference")
  private String financeReference;

  @Column(name = "bank_details_sealed")
  private String bankDetailsSealed;

  @Column(name = "bank_masked")
  private String bankMasked;

  @Column(name = "benefit_awareness", nullable = false)
  private boolean benefitAwareness;

  @Column(name = "benefit_limits", nullable = false)
  private String benefitLimits = "";

  @Column(name = "share_with_officer", nullable = false)
  private boolean shareWithOfficer;

  /** A member id as text: EclipseLink's UUID mapping cannot read a null. */
  @Column(name = "bank_changed_by")
  private String bankChangedBy;

  @Column(name = "bank_changed_at")
  private Instant bankChangedAt;

  @Column(name = "bank_set_for_another", nullable = false)
  private boolean bankSetForAnother;

  @Column(name = "bank_confirmed_by")
  private String bankConfirmedBy;

  @Column(name = "bank_confirmed_at")
  private Instant bankConfirmedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected PayeeProfile() {}

  public PayeeProfile(UUID memberId, Instant now) {
    this.memberId = memberId;
    this.updatedAt = now;
  }

  public void choose(Claim.Method method, String charity, String financeReference, Instant now) {
    this.defaultMethod = method;
    this.charity = method == Claim.Method.CHARITY ? charity : null;
    this.financeReference = financeReference;
    this.updatedAt = now;
  }

  /**
   * New bank details (or none), and who set them: for another person (acting for them, say) they
   * need a second person's confirmation before a run pays them, as do any changed within the hold.
   */
  public void bankDetails(
      String sealed, String masked, Instant now, UUID changedBy, boolean forAnother) {
    this.bankDetailsSealed = sealed;
    this.bankMasked = masked;
    this.bankChangedBy = changedBy == null ? null : changedBy.toString();
    this.bankChangedAt = now;
    this.bankSetForAnother = forAnother;
    this.bankConfirmedBy = null;
    this.bankConfirmedAt = null;
    this.updatedAt = now;
  }

  /** The same bank details sealed again (with the active key): nothing else changes. */
  public void resealed(String sealed) {
    this.bankDetailsSealed = sealed;
  }

  /** A second person confirms the bank details as they are now. */
  public void confirmBankDetails(UUID by, Instant now) {
    this.bankConfirmedBy = by.toString();
    this.bankConfirmedAt = now;
    this.updatedAt = now;
  }

  /**
   * Whether a run may not pay these bank details until a second person confirms them: set for
   * another person, or changed after {@code holdStart}, and not confirmed since.
   */
  public boolean bankDetailsNeedConfirming(Instant holdStart) {
    return bankDetailsSealed != null
        && bankConfirmedBy == null
        && (bankSetForAnother || (bankChangedAt != null && bankChangedAt.isAfter(holdStart)));
  }

  /** Who last set or changed the bank details, if anyone did. */
  public java.util.Optional<UUID> bankChangedBy() {
    return java.util.Optional.ofNullable(bankChangedBy).map(UUID::fromString);
  }

  public void benefits(
      boolean awareness, List<String> limits, boolean shareWithOfficer, Instant now) {
    this.benefitAwareness = awareness;
    this.benefitLimits = String.join(",", limits);
    this.shareWithOfficer = shareWithOfficer;
    this.updatedAt = now;
  }

  public UUID memberId() {
    return memberId;
  }

  public Claim.Method defaultMethod() {
    return defaultMethod;
  }

  public String charity() {
    return charity;
  }

  public String financeReference() {
    return financeReference;
  }

  public String bankDetailsSealed() {
    return bankDetailsSealed;
  }

  public String bankMasked() {
    return bankMasked;
  }

  public boolean benefitAwareness() {
    return benefitAwareness;
  }

  public List<String> benefitLimits() {
    return benefitLimits.isEmpty() ? List.of() : Arrays.asList(benefitLimits.split(","));
  }

  public boolean shareWithOfficer() {
    return shareWithOfficer;
  }

  public long version() {
    return version;
  }
}
