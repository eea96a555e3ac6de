package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.plugins.payments.PaymentsPlugin;

/** Spending and days-to-pay, from the ledger and the claims. */
@ApplicationScoped
public class Reports {

  @Inject EntityManager entityManager;
  @Inject TenantContext tenants;
  @Inject PluginSettings settings;

  /** What spending can be grouped by. */
  public enum SpendBy {
    ACTIVITY_TYPE("e.activity_type"),
    ACTIVITY("e.activity_title"),
    MONTH("to_char(e.activity_date, 'YYYY-MM')");

    private final String column;

    SpendBy(String column) {
      this.column = column;
    }
  }

  /**
   * Spending in one group: committed (charged, net of reversals) and paid.
   *
   * @param group the activity type, the activity's title, or the month (2027-03)
   */
  public record Spend(
      String group,
      long claims,
      long committedFeesPence,
      long committedExpensesPence,
      long paidPence) {}

  @Transactional
  public List<Spend> spend(SpendBy by, LocalDate from, LocalDate to) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT "
                    + by.column
                    + ", COUNT(DISTINCT e.claim_id),"
                    + " COALESCE(SUM(CASE WHEN e.kind <> 'PAYMENT' THEN e.fee_pence END), 0),"
                    + " COALESCE(SUM(CASE WHEN e.kind <> 'PAYMENT' THEN e.expenses_pence END), 0),"
                    + " COALESCE(-SUM(CASE WHEN e.kind = 'PAYMENT'"
                    + " THEN e.fee_pence + e.expenses_pence END), 0)"
                    + " FROM payments_ledger_entry e"
                    + " WHERE e.activity_date BETWEEN ?1 AND ?2 AND e.tenant_id = ?3"
                    + " GROUP BY 1 ORDER BY 1")
            .setParameter(1, from)
            .setParameter(2, to)
            .setParameter(3, tenants.current().slug())
            .getResultList();
    List<Spend> spend = new ArrayList<>();
    for (Object[] row : rows) {
      spend.add(
          new Spend(
              String.valueOf(row[0]),
              ((Number) row[1]).longValue(),
              ((Number) row[2]).longValue(),
              ((Number) row[3]).longValue(),
              ((Number) row[4]).longValue()));
    }
    return spend;
  }

  /**
   * How long people wait to be paid, counted from the activity to the payment date.
   *
   * @param withinTarget how many were paid within the council's target
   */
  public record DaysToPay(
      long paidClaims,
      long targetDays,
      double meanDays,
      double medianDays,
      double ninetiethPercentileDays,
      long longestDays,
      long withinTarget) {}

  @Transactional
  public DaysToPay daysToPay(LocalDate from, LocalDate to) {
    long target = settings.get(PaymentsPlugin.TARGET_DAYS);
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "SELECT COUNT(*), COALESCE(AVG(d), 0),"
                        + " COALESCE(percentile_cont(0.5) WITHIN GROUP (ORDER BY d), 0),"
                        + " COALESCE(percentile_cont(0.9) WITHIN GROUP (ORDER BY d), 0),"
                        + " COALESCE(MAX(d), 0), COUNT(*) FILTER (WHERE d <= ?3)"
                        + " FROM (SELECT c.paid_on - c.activity_date AS d FROM payments_claim c"
                        + "   WHERE c.status = 'PAID' AND c.paid_on BETWEEN ?1 AND ?2"
                        + "   AND c.tenant_id = ?4) paid")
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, target)
                .setParameter(4, tenants.current().slug())
                .getSingleResult();
    return new DaysToPay(
        ((Number) row[0]).longValue(),
        target,
        round(((Number) row[1]).doubleValue()),
        round(((Number) row[2]).doubleValue()),
        round(((Number) row[3]).doubleValue()),
        ((Number) row[4]).longValue(),
        ((Number) row[5]).longValue());
  }

  private static double round(double days) {
    return Math.round(days * 10) / 10.0;
  }
}
