package org.roundtable.plugins.payments.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.money.Money;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.time.UkTime;
import org.roundtable.api.web.FormErrors;
import org.roundtable.api.web.FormFields;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.api.web.Upload;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.api.ClaimViews;
import org.roundtable.plugins.payments.api.ClaimsResource;
import org.roundtable.plugins.payments.api.Downloads;
import org.roundtable.plugins.payments.api.Requests;
import org.roundtable.plugins.payments.application.BenefitCheck;
import org.roundtable.plugins.payments.application.ClaimEdits;
import org.roundtable.plugins.payments.application.Claims;
import org.roundtable.plugins.payments.application.Statements;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.Expense;

/**
 * {@code /{tenant}/payments/}: someone's own claims (or, for an officer acting for them, theirs):
 * confirm or decline a claim, choose how to be paid, add expenses, see benefit warnings before
 * confirming, follow a claim to paid, and the year's statement.
 */
@RequestScoped
public class ClaimPages {

  static final Map<String, String> STATUS_NAMES =
      Map.of(
          "DRAFT", "To confirm",
          "SUBMITTED", "Waiting for approval",
          "APPROVED", "Approved",
          "PAID", "Paid",
          "REJECTED", "Sent back",
          "DECLINED", "Declined",
          "CANCELLED", "Cancelled");

  static final Map<String, String> EXPENSE_NAMES =
      Map.of(
          "travel-fare", "Bus, train or taxi fare",
          "mileage", "Driving (mileage)",
          "replacement-care", "Replacement care",
          "childcare", "Childcare",
          "subsistence", "Food and drink",
          "internet", "Internet or phone data",
          "overnight-stay", "A night away (hotel or guest house)",
          "other", "Something else");

  @Inject Claims claims;

  @Inject ClaimEdits claimEdits;
  @Inject Statements statements;
  @Inject CurrentMember currentMember;
  @Inject Models models;
  @Inject TenantContext tenant;
  @Inject Clock clock;

  @GET
  @RequiresPermission(PaymentsPlugin.CLAIM)
  @Controller
  public String list(@QueryParam("done") String done) {
    List<Claim> mine =
        claims.mine().stream()
            .sorted(
                Comparator.comparing((Claim c) -> c.status() != Claim.Status.DRAFT)
                    .thenComparing(Claim::activityDate, Comparator.reverseOrder()))
            .toList();
    models.put("claims", mine);
    models.put("statusNames", STATUS_NAMES);
    models.put("done", done);
    return "payments/claims.html";
  }

  @GET
  @Path("{id}")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  @Controller
  public String claim(@PathParam("id") String id, @QueryParam("done") String done) {
    return show(claims.visible(Requests.uuid(id)), done, null);
  }

  private String show(Claim claim, String done, List<BenefitCheck.Warning> blocking) {
    models.put("claim", ClaimViews.full(claims, claim));
    models.put("statusNames", STATUS_NAMES);
    models.put("expenseKinds", Expense.KINDS);
    models.put("expenseNames", EXPENSE_NAMES);
    models.put("blocking", blocking);
    models.put("done", done);
    if (models.get("form") == null) {
      models.put("form", Map.of());
    }
    return "payments/claim.html";
  }

  @POST
  @Path("{id}/confirm")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  @Controller
  public String confirm(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    UUID claimId = Requests.uuid(id);
    ClaimEdits.Submission submission =
        claimEdits.submit(claimId, "yes".equals(form.getFirst("acknowledge")));
    if (!submission.submitted()
        && (submission.claim().status() == Claim.Status.DRAFT
            || submission.claim().status() == Claim.Status.REJECTED)) {
      return show(submission.claim(), null, submission.warnings());
    }
    return redirect(id, "Claim confirmed. We will tell you when it is approved.");
  }

  @POST
  @Path("{id}/decline")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  @Controller
  public String decline(@PathParam("id") String id) {
    claimEdits.decline(Requests.uuid(id));
    return redirect(id, "You have declined this payment");
  }

  @POST
  @Path("{id}/choice")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  @Controller
  public String choose(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    UUID claimId = Requests.uuid(id);
    String method = Optional.ofNullable(form.getFirst("method")).orElse("");
    String charity = FormFields.text(form, "charity");
    String lowerText = FormFields.text(form, "lower");
    return FormSubmission.of(models::put)
        .keeping(Map.of("lower", lowerText, "charity", charity))
        .field("lowerAmountPence", "lower")
        .otherwiseOn("method")
        .submit(
            errors -> {
              if (!List.of("BANK", "VOUCHER", "CHARITY", "DECLINE").contains(method)) {
                errors.add("method", "Select how you would like to be paid");
              }
              Long lower = lowerText.isEmpty() ? null : pence(lowerText, "lower", errors);
              if ("CHARITY".equals(method) && charity.isEmpty()) {
                errors.add("charity", "Enter the name of the charity");
              }
              errors.refuseIfAny();
              claimEdits.choose(
                  claimId,
                  Claim.Method.valueOf(method),
                  lower,
                  "CHARITY".equals(method) ? charity : null);
              return redirect(id, "Your choice has been saved");
            },
            () -> show(claims.visible(claimId), null, null));
  }

  @POST
  @Path("{id}/expenses")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  @Controller
  public String addExpense(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    UUID claimId = Requests.uuid(id);
    String kind = Optional.ofNullable(form.getFirst("kind")).orElse("");
    String description = FormFields.text(form, "description");
    String amountText = FormFields.text(form, "amount");
    String milesText = FormFields.text(form, "miles");
    return FormSubmission.of(models::put)
        .keeping(
            Map.of(
                "kind", kind, "description", description, "amount", amountText, "miles", milesText))
        .field("amountPence", "amount")
        .field("priorAgreement", "kind")
        .otherwiseOn("kind")
        .submit(
            errors -> {
              if (!Expense.KINDS.contains(kind)) {
                errors.add("kind", "Select the kind of expense");
              }
              if (description.isEmpty()) {
                errors.add("description", "Describe the expense, like ‘Bus fare there and back’");
              }
              Long amount = null;
              Integer miles = null;
              if ("mileage".equals(kind)) {
                miles = FormFields.wholeNumber(milesText).orElse(null);
                if (miles == null) {
                  errors.add("miles", "Enter the miles driven there and back, like 12");
                }
              } else if (Expense.KINDS.contains(kind)) {
                amount = pence(amountText, "amount", errors);
              }
              errors.refuseIfAny();
              claimEdits.addExpense(
                  claimId, new ClaimEdits.NewExpense(kind, description, amount, miles, null));
              return redirect(id, "Expense added");
            },
            () -> show(claims.visible(claimId), null, null));
  }

  @POST
  @Path("{id}/expenses/{expense}/receipt")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Controller
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public String receipt(
      @PathParam("id") String id,
      @PathParam("expense") String expense,
      @FormParam("receipt") EntityPart file)
      throws java.io.IOException {
    UUID claimId = Requests.uuid(id);
    Optional<Upload> upload = Upload.read(file, ClaimsResource.RECEIPT_LIMIT);
    return FormSubmission.of(models::put)
        .field("file", "receipt-" + expense)
        .otherwiseOn("receipt-" + expense)
        .submit(
            errors -> {
              Optional<String> type = upload.flatMap(u -> ClaimsResource.receiptType(u.content()));
              if (upload.isEmpty()) {
                errors.add("receipt-" + expense, "Choose the receipt's file");
              } else if (upload.get().tooLarge()) {
                errors.add("receipt-" + expense, "The receipt must be smaller than 5 MB");
              } else if (type.isEmpty()) {
                errors.add("receipt-" + expense, "The receipt must be a PDF, JPEG or PNG file");
              }
              errors.refuseIfAny();
              claimEdits.attachReceipt(
                  claimId,
                  Requests.uuid(expense),
                  upload.get().fileName(),
                  type.get(),
                  upload.get().content());
              return redirect(id, "Receipt added");
            },
            () -> show(claims.visible(claimId), null, null));
  }

  @GET
  @Path("statement")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  @Controller
  public String statement(@QueryParam("year") Integer year) {
    UUID me = currentMember.id().orElseThrow(NotFound::new);
    int start = year != null ? year : currentTaxYear();
    models.put("statement", statements.forTaxYear(me, start));
    models.put("year", start);
    models.put("previous", start - 1);
    return "payments/statement.html";
  }

  @GET
  @Path("statement/{year}/csv")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public Response statementCsv(@PathParam("year") int year) {
    UUID me = currentMember.id().orElseThrow(NotFound::new);
    return Downloads.statement(statements, statements.forTaxYear(me, year));
  }

  private int currentTaxYear() {
    LocalDate today = LocalDate.now(clock.withZone(UkTime.ZONE));
    return today.isBefore(LocalDate.of(today.getYear(), 4, 6))
        ? today.getYear() - 1
        : today.getYear();
  }

  /** Pounds and pence as typed ({@code 4.50}, {@code £4.50}) in pence. */
  static Long pence(String typed, String field, FormErrors errors) {
    try {
      return Money.parse(typed).pence();
    } catch (IllegalArgumentException e) {
      errors.add(field, e.getMessage());
      return null;
    }
  }

  private String redirect(String id, String done) {
    return Redirect.to(tenant.current(), "payments/claims/" + id, done);
  }
}
