package org.roundtable.plugins.payments.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.money.Money;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.reference.BenefitLimits;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.time.UkTime;
import org.roundtable.api.web.FormFields;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.application.BenefitCheck;
import org.roundtable.plugins.payments.application.Payees;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.PayeeProfile;

/**
 * {@code /{tenant}/payments/payment-details}: how someone would like to be paid by default, their
 * bank details (only ever shown masked, sealed when stored), and whether Roundtable should warn
 * them before a fee crosses a benefit limit they name.
 */
@Controller
@RequestScoped
@RequiresPermission(PaymentsPlugin.CLAIM)
public class PayeePages {

  @Inject Payees payees;
  @Inject BenefitCheck benefits;
  @Inject BenefitLimits nationalLimits;
  @Inject CurrentMember currentMember;
  @Inject Models models;
  @Inject TenantContext tenant;
  @Inject Clock clock;

  /** A benefit limit to tick, with its figure in force today. */
  public record LimitOption(String code, String name, String amount, boolean chosen) {}

  @GET
  public String show(@QueryParam("done") String done) {
    PayeeProfile profile = payees.profile(self());
    models.put("profile", profile);
    models.put("done", done);
    LocalDate today = LocalDate.now(clock.withZone(UkTime.ZONE));
    models.put(
        "limits",
        nationalLimits.all().stream()
            .map(BenefitLimits.Limit::code)
            .distinct()
            .map(code -> benefits.inForce(code, today))
            .flatMap(Optional::stream)
            .map(
                l ->
                    new LimitOption(
                        l.code(),
                        l.name(),
                        Money.ofPence(l.amountPence()).display()
                            + (l.period() == BenefitLimits.Period.WEEK ? " a week" : " a month"),
                        profile.benefitLimits().contains(l.code())))
            .toList());
    if (models.get("form") == null) {
      models.put("form", Map.of());
    }
    return "payments/payment-details.html";
  }

  @POST
  @Path("choices")
  public String choices(MultivaluedMap<String, String> form) {
    String method = Optional.ofNullable(form.getFirst("defaultMethod")).orElse("");
    String charity = FormFields.text(form, "charity");
    return FormSubmission.of(models::put)
        .keeping(Map.of("charity", charity))
        .submit(
            errors -> {
              if (!Set.of("BANK", "VOUCHER", "CHARITY", "DECLINE").contains(method)) {
                errors.add("defaultMethod", "Select how you would like to be paid");
              } else if (method.equals("CHARITY") && charity.isEmpty()) {
                errors.add("charity", "Enter the name of the charity");
              }
              errors.refuseIfAny();
              PayeeProfile profile = payees.profile(self());
              payees.choose(
                  self(),
                  Claim.Method.valueOf(method),
                  method.equals("CHARITY") ? charity : null,
                  profile.financeReference());
              return done("Your choice has been saved");
            },
            () -> show(null));
  }

  @POST
  @Path("bank-details")
  public String bankDetails(MultivaluedMap<String, String> form) {
    String name = FormFields.text(form, "accountName");
    String sortCode = FormFields.text(form, "sortCode");
    String account = FormFields.text(form, "accountNumber");
    // Bank details are never sent back into the page, not even the ones just typed.
    return FormSubmission.of(models::put)
        .keeping(Map.of("accountName", name))
        .otherwiseOn("accountNumber")
        .submit(
            errors -> {
              if (name.isEmpty() || name.length() > 100) {
                errors.add("accountName", "Enter the name on the account");
              }
              if (!sortCode.replaceAll("[\\s-]", "").matches("\\d{6}")) {
                errors.add("sortCode", "Enter a valid sort code like 309430");
              }
              if (!account.replaceAll("\\s", "").matches("\\d{8}")) {
                errors.add("accountNumber", "Enter a valid account number like 00733445");
              }
              errors.refuseIfAny();
              payees.bankDetails(self(), new Payees.BankDetails(name, sortCode, account));
              return done("Your bank details have been saved");
            },
            () -> show(null));
  }

  @POST
  @Path("bank-details/removal")
  public String removeBankDetails() {
    payees.removeBankDetails(self());
    return done("Your bank details have been removed");
  }

  @POST
  @Path("benefits")
  public String benefitAwareness(MultivaluedMap<String, String> form) {
    boolean awareness = "yes".equals(form.getFirst("benefitAwareness"));
    List<String> known = nationalLimits.all().stream().map(BenefitLimits.Limit::code).toList();
    List<String> chosen =
        Optional.ofNullable(form.get("limits")).orElse(List.of()).stream()
            .filter(known::contains)
            .distinct()
            .toList();
    return FormSubmission.of(models::put)
        .submit(
            errors -> {
              if (awareness && chosen.isEmpty()) {
                errors.add("limits", "Select the benefit limits we should warn you about");
              }
              errors.refuseIfAny();
              payees.benefits(
                  self(), awareness, chosen, "yes".equals(form.getFirst("shareWithOfficer")));
              return done(
                  awareness
                      ? "We will warn you before a fee crosses those limits"
                      : "Benefit warnings are off");
            },
            () -> show(null));
  }

  private String done(String message) {
    return Redirect.to(tenant.current(), "payments/payment-details", message);
  }

  private UUID self() {
    return currentMember.id().orElseThrow(NotFound::new);
  }
}
