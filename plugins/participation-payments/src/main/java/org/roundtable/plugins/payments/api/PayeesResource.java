package org.roundtable.plugins.payments.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.reference.BenefitLimits;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.security.SignedIn;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.application.BenefitCheck;
import org.roundtable.plugins.payments.application.Payees;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.PayeeProfile;

/**
 * {@code /api/v1/{tenant}/payments/payees}: how people want to be paid, their bank details (masked
 * in every response), their benefit warnings, and the benefit limits in force.
 */
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PayeesResource {

  @Inject Payees payees;
  @Inject BenefitCheck benefits;
  @Inject BenefitLimits nationalLimits;
  @Inject CurrentMember currentMember;
  @Inject Clock clock;

  /** Payment choices. */
  public record ChoicesRequest(
      @NotNull(message = "choose BANK, VOUCHER, CHARITY or DECLINE") Claim.Method defaultMethod,
      @Size(max = 200) String charity,
      @Size(max = 100) String financeReference) {}

  /** Bank details. */
  public record BankRequest(
      @NotBlank(message = "give the name on the account") @Size(max = 100) String accountName,
      @NotBlank(message = "give the sort code, like 12-34-56") @Size(max = 20) String sortCode,
      @NotBlank(message = "give the 8-digit account number") @Size(max = 20)
          String accountNumber) {}

  /** Benefit warnings. */
  public record BenefitRequest(
      boolean benefitAwareness,
      @Size(max = 10) List<@NotBlank String> limits,
      boolean shareWithOfficer) {
    public BenefitRequest {
      limits = limits == null ? List.of() : limits;
    }
  }

  /** A fee someone is thinking of earning. */
  public record CheckRequest(
      @NotNull(message = "give the activity's date, like 2027-04-12") LocalDate date,
      @NotNull(message = "give the fee in pence") @PositiveOrZero @Max(10_000_000) Long feePence) {}

  public record PayeeView(
      UUID memberId,
      Claim.Method defaultMethod,
      String charity,
      String financeReference,
      boolean hasBankDetails,
      String bankDetails,
      boolean benefitAwareness,
      List<String> limits,
      boolean shareWithOfficer) {
    static PayeeView of(PayeeProfile p) {
      return new PayeeView(
          p.memberId(),
          p.defaultMethod(),
          p.charity(),
          p.financeReference(),
          p.bankDetailsSealed() != null,
          p.bankMasked(),
          p.benefitAwareness(),
          p.benefitLimits(),
          p.shareWithOfficer());
    }
  }

  public record LimitsView(List<BenefitLimits.Limit> inForceToday, List<BenefitLimits.Limit> all) {}

  @GET
  @Path("me")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public PayeeView me() {
    return PayeeView.of(payees.profile(self()));
  }

  @PUT
  @Path("me/choices")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public PayeeView choices(
      @NotNull(message = "send the choices as JSON") @Valid ChoicesRequest request) {
    return PayeeView.of(
        payees.choose(
            self(), request.defaultMethod(), request.charity(), request.financeReference()));
  }

  @PUT
  @Path("me/bank-details")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public PayeeView bankDetails(
      @NotNull(message = "send the bank details as JSON") @Valid BankRequest request) {
    return PayeeView.of(
        payees.bankDetails(
            self(),
            new Payees.BankDetails(
                request.accountName(), request.sortCode(), request.accountNumber())));
  }

  @DELETE
  @Path("me/bank-details")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public PayeeView removeBankDetails() {
    return PayeeView.of(payees.removeBankDetails(self()));
  }

  @PUT
  @Path("me/benefit-awareness")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public PayeeView benefitAwareness(
      @NotNull(message = "send the choice as JSON") @Valid BenefitRequest request) {
    List<String> known = new ArrayList<>();
    java.util.Set<String> codes =
        nationalLimits.all().stream()
            .map(BenefitLimits.Limit::code)
            .collect(java.util.stream.Collectors.toSet());
    for (String code : request.limits()) {
      if (!codes.contains(code)) {
        throw new org.roundtable.api.errors.Refused(
            "limits", "'" + code + "' is not a benefit limit Roundtable knows");
      }
      known.add(code);
    }
    return PayeeView.of(
        payees.benefits(self(), request.benefitAwareness(), known, request.shareWithOfficer()));
  }

  /** Would a fee on a day cross a limit? For planning, before saying yes to an activity. */
  /**
   * A second person confirms bank details set for this person by someone else, or changed recently,
   * so a run may pay them: an approver or finance, never whoever set them nor the person paid.
   */
  @POST
  @Path("{member}/bank-details/confirmation")
  @SignedIn
  public PayeeView confirmBankDetails(@PathParam("member") String member) {
    return PayeeView.of(payees.confirmBankDetails(Requests.uuid(member)));
  }

  @POST
  @Path("me/benefit-check")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public List<BenefitCheck.Warning> check(
      @NotNull(message = "send the fee as JSON") @Valid CheckRequest request) {
    return benefits.prospective(payees.profile(self()), request.date(), request.feePence());
  }

  @GET
  @Path("benefit-limits")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public LimitsView limits() {
    LocalDate today = LocalDate.now(clock.withZone(UkTime.ZONE));
    List<BenefitLimits.Limit> all = nationalLimits.all();
    List<BenefitLimits.Limit> inForce =
        all.stream()
            .map(BenefitLimits.Limit::code)
            .distinct()
            .map(code -> benefits.inForce(code, today))
            .flatMap(java.util.Optional::stream)
            .toList();
    return new LimitsView(inForce, all);
  }

  @GET
  @Path("{member}")
  @RequiresPermission(PaymentsPlugin.READ_ALL)
  public PayeeView payee(@PathParam("member") String member) {
    return PayeeView.of(payees.profile(Requests.uuid(member)));
  }

  /** Bank details in full, for finance setting up a payee: each view is audited. */
  @GET
  @Path("{member}/bank-details")
  @RequiresPermission(PaymentsPlugin.BANK_DETAILS)
  public Payees.BankDetails revealBankDetails(@PathParam("member") String member) {
    if (currentMember.isActingForAnother()) {
      throw new Forbidden("Bank details are not shown while acting for someone");
    }
    return payees.revealBankDetails(Requests.uuid(member));
  }

  private UUID self() {
    return currentMember.id().orElseThrow(NotFound::new);
  }
}
