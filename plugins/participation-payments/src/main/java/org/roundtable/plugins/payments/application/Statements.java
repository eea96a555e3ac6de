package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.roundtable.api.money.Money;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.plugins.payments.domain.Claim;

/**
 * A person's yearly statement, for their tax return or a benefit review: what they were paid in a
 * UK tax year (6 April to 5 April), fees apart from expenses, and how they took their fees.
 */
@ApplicationScoped
public class Statements {

  private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Inject EntityManager entityManager;
  @Inject TenantContext tenants;

  /** One payment to the person. */
  public record Line(
      LocalDate paidOn,
      LocalDate activityDate,
      String activityType,
      String activity,
      String method,
      long feePence,
      long expensesPence) {}

  /**
   * The statement of a tax year.
   *
   * @param taxYear like 2026-27
   * @param feesPence fees paid (taxable income; expenses are not)
   */
  public record Statement(
      String taxYear,
      LocalDate from,
      LocalDate to,
      List<Line> payments,
      long feesPence,
      long feesAsVouchersPence,
      long feesToCharityPence,
      long expensesPence,
      long declinedClaims,
      String note) {}

  /** The tax year that starts in April of {@code startYear}. */
  @Transactional
  public Statement forTaxYear(UUID memberId, int startYear) {
    LocalDate from = LocalDate.of(startYear, 4, 6);
    LocalDate to = LocalDate.of(startYear + 1, 4, 5);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT r.paid_on, e.activity_date, e.activity_type, e.activity_title, c.method,"
                    + " -e.fee_pence, -e.expenses_pence"
                    + " FROM payments_ledger_entry e"
                    + " JOIN payments_run r ON r.id = e.run_id AND r.tenant_id = e.tenant_id"
                    + " JOIN payments_claim c ON c.id = e.claim_id AND c.tenant_id = e.tenant_id"
                    + " WHERE e.kind = 'PAYMENT' AND e.member_id = ?1"
                    + " AND r.paid_on BETWEEN ?2 AND ?3 AND e.tenant_id = ?4"
                    + " ORDER BY r.paid_on, e.activity_date, e.id")
            .setParameter(1, memberId)
            .setParameter(2, from)
            .setParameter(3, to)
            .setParameter(4, tenants.current().slug())
            .getResultList();
    List<Line> lines = new ArrayList<>();
    long fees = 0;
    long vouchers = 0;
    long charity = 0;
    long expenses = 0;
    for (Object[] row : rows) {
      Line line =
          new Line(
              toDate(row[0]),
              toDate(row[1]),
              String.valueOf(row[2]),
              String.valueOf(row[3]),
              String.valueOf(row[4]),
              ((Number) row[5]).longValue(),
              ((Number) row[6]).longValue());
      lines.add(line);
      fees += line.feePence();
      expenses += line.expensesPence();
      if ("VOUCHER".equals(line.method())) {
        vouchers += line.feePence();
      } else if ("CHARITY".equals(line.method())) {
        charity += line.feePence();
      }
    }
    long declined =
        entityManager
            .createQuery(
                "SELECT COUNT(c) FROM Claim c WHERE c.memberId = :member AND c.status = :declined"
                    + " AND c.activityDate BETWEEN :from AND :to",
                Long.class)
            .setParameter("member", memberId)
            .setParameter("declined", Claim.Status.DECLINED)
            .setParameter("from", from)
            .setParameter("to", to)
            .getSingleResult();
    return new Statement(
        startYear + "-" + String.format("%02d", (startYear + 1) % 100),
        from,
        to,
        lines,
        fees,
        vouchers,
        charity,
        expenses,
        declined,
        "Fees are income for tax; expenses repaid are not. The first £1,000 a year of income"
            + " from self-employment is covered by the trading allowance. This statement is"
            + " information for your records, not tax or benefits advice.");
  }

  /** The statement as a CSV file, one payment a line and the totals at the end. */
  public void writeCsv(Statement statement, OutputStream out) {
    try {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter csv =
          new CSVPrinter(
              writer,
              CSVFormat.RFC4180
                  .builder()
                  .setHeader(
                      "paid_on",
                      "activity_date",
                      "activity_type",
                      "activity",
                      "method",
                      "fee",
                      "expenses")
                  .setRecordSeparator("\r\n")
                  .get());
      for (Line line : statement.payments()) {
        csv.printRecord(
            UK_DATE.format(line.paidOn()),
            UK_DATE.format(line.activityDate()),
            Cells.text(line.activityType()),
            Cells.text(line.activity()),
            line.method(),
            Money.ofPence(line.feePence()).decimal(),
            Money.ofPence(line.expensesPence()).decimal());
      }
      csv.printRecord(
          "",
          "",
          "",
          "Total for tax year " + statement.taxYear(),
          "",
          Money.ofPence(statement.feesPence()).decimal(),
          Money.ofPence(statement.expensesPence()).decimal());
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LocalDate toDate(Object value) {
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    return LocalDate.parse(String.valueOf(value));
  }
}
