package org.roundtable.plugins.payments.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roundtable.api.money.Money;
import org.roundtable.api.participation.Participation;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.plugins.payments.PaymentsPlugin;

/**
 * The tenant's payment policy in force on one day: what is paid, at what rate, and the expense
 * rules. Built from the plugin's dated settings, so an activity is always paid at the rates of its
 * own day.
 */
public record Policy(
    LocalDate day,
    List<Map<String, Object>> rates,
    List<String> paidRoles,
    boolean livedExperienceOnly,
    Duration preparation,
    long halfDayHours,
    long mileageRate,
    long receiptAbove,
    long subsistenceCap,
    long internetAllowance,
    List<String> priorAgreement) {

  /** The policy on a day, from the tenant's settings. */
  public static Policy on(PluginSettings settings, LocalDate day) {
    return new Policy(
        day,
        settings.on(PaymentsPlugin.RATES, day),
        settings.on(PaymentsPlugin.PAID_ROLES, day),
        settings.on(PaymentsPlugin.LIVED_EXPERIENCE_ONLY, day),
        settings.on(PaymentsPlugin.PREPARATION, day),
        settings.on(PaymentsPlugin.HALF_DAY_HOURS, day),
        settings.on(PaymentsPlugin.MILEAGE_RATE, day),
        settings.on(PaymentsPlugin.RECEIPT_ABOVE, day),
        settings.on(PaymentsPlugin.SUBSISTENCE_CAP, day),
        settings.on(PaymentsPlugin.INTERNET_ALLOWANCE, day),
        settings.on(PaymentsPlugin.PRIOR_AGREEMENT, day));
  }

  /** The rate for an activity type, if the policy pays it. */
  public Optional<Map<String, Object>> rateFor(String activityType) {
    return rates.stream().filter(r -> activityType.equals(r.get("activityType"))).findFirst();
  }

  /** Whether this participation is paid: a paid activity, a paid role, in a paid kind of place. */
  public boolean pays(Participation participation) {
    return rateFor(participation.activityType()).isPresent()
        && (paidRoles.contains("*") || paidRoles.contains(participation.role()))
        && (!livedExperienceOnly || participation.livedExperience());
  }

  /**
   * The fee for an activity: by the hour (time plus preparation, rounded up to the quarter hour),
   * by the day (half the day rate up to the half-day hours) or per document.
   */
  public Claim.Fee fee(String activityType, int minutes, int documents) {
    Map<String, Object> rate =
        rateFor(activityType)
            .orElseThrow(() -> new IllegalArgumentException("not paid: " + activityType));
    long amount = (Long) rate.get("amount");
    return switch ((String) rate.get("basis")) {
      case "hour" -> {
        long paid = minutes + preparation.toMinutes();
        long quarters = (paid + 14) / 15;
        long pence = (quarters * 15 * amount + 30) / 60;
        yield new Claim.Fee(
            pence,
            UkText.hoursAndMinutes(quarters * 15)
                + (preparation.isZero()
                    ? ""
                    : " (with " + UkText.hoursAndMinutes(preparation.toMinutes()) + " preparation)")
                + " at "
                + Money.ofPence(amount).display()
                + " an hour");
      }
      case "day" -> {
        boolean half = minutes <= halfDayHours * 60;
        yield half
            ? new Claim.Fee(amount / 2, "Half day (up to " + halfDayHours + " hours)")
            : new Claim.Fee(amount, "Full day");
      }
      case "document" -> {
        yield new Claim.Fee(
            amount * documents,
            documents
                + (documents == 1 ? " document" : " documents")
                + " at "
                + Money.ofPence(amount).display());
      }
      default -> throw new IllegalStateException("Unknown basis " + rate.get("basis"));
    };
  }
}
