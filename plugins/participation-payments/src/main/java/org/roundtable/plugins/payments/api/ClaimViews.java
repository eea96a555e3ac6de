package org.roundtable.plugins.payments.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.money.Money;
import org.roundtable.plugins.payments.application.BenefitCheck;
import org.roundtable.plugins.payments.application.Claims;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.Expense;

/** Claims as the API and the pages show them: the claim, its expenses and benefit warnings. */
public final class ClaimViews {

  private ClaimViews() {}

  public record ExpenseView(
      UUID id,
      String kind,
      String description,
      long amountPence,
      String amount,
      Integer miles,
      String priorAgreement,
      boolean hasReceipt) {}

  public record ClaimView(
      UUID id,
      UUID memberId,
      Claim.Source source,
      String activityType,
      String activityTitle,
      LocalDate activityDate,
      String role,
      int minutes,
      int documents,
      long feePence,
      String fee,
      String feeBasis,
      Claim.Method method,
      Long lowerAmountPence,
      String charity,
      long payableFeePence,
      long expensesPence,
      Claim.Status status,
      String rejectReason,
      Instant submittedAt,
      Instant approvedAt,
      LocalDate paidOn,
      long outstandingPence,
      List<ExpenseView> expenses,
      List<BenefitCheck.Warning> benefitWarnings) {}

  /** A claim with its expenses and benefit warnings, as the API and the pages show it. */
  public static ClaimView full(Claims claims, Claim c) {
    List<Expense> expenses = claims.expenses(c.id());
    return view(
        c, expenses, claims.warnings(c), expenses.stream().mapToLong(Expense::amountPence).sum());
  }

  static ClaimView view(
      Claim c, List<Expense> expenses, List<BenefitCheck.Warning> warnings, long expensesPence) {
    return new ClaimView(
        c.id(),
        c.memberId(),
        c.source(),
        c.activityType(),
        c.activityTitle(),
        c.activityDate(),
        c.role(),
        c.minutes(),
        c.documents(),
        c.feePence(),
        Money.ofPence(c.feePence()).display(),
        c.feeBasis(),
        c.method(),
        c.lowerAmountPence(),
        c.charity(),
        c.payableFeePence(),
        expensesPence,
        c.status(),
        c.rejectReason(),
        c.submittedAt(),
        c.approvedAt(),
        c.paidOn(),
        c.outstandingPence(),
        expenses.stream().map(ClaimViews::expenseView).toList(),
        warnings);
  }

  static ExpenseView expenseView(Expense e) {
    return new ExpenseView(
        e.id(),
        e.kind(),
        e.description(),
        e.amountPence(),
        Money.ofPence(e.amountPence()).display(),
        e.miles(),
        e.priorAgreement(),
        e.hasReceipt());
  }
}
