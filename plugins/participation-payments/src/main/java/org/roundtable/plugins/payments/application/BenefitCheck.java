package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.api.money.Money;
import org.roundtable.api.reference.BenefitLimits;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.PayeeProfile;
import org.roundtable.plugins.payments.domain.UkText;

/**
 * Benefit awareness, information and never advice: for a person who asked for it, the fees of all
 * their claims in the week or month of an activity, and whether one more fee would cross a limit in
 * force on that day. Expenses never count; declined fees never count; vouchers count if the
 * council's policy says so.
 */
@ApplicationScoped
public class BenefitCheck {

  @Inject EntityManager entityManager;
  @Inject BenefitLimits nationalLimits;
  @Inject PluginSettings settings;

  /** What a person could do instead, offered with each warning. */
  public enum Option {
    VOUCHERS,
    LOWER_AMOUNT,
    DECLINE
  }

  /**
   * A limit a fee would cross (or that is already crossed).
   *
   * @param highestFeeWithinPence the most this fee could be without crossing it
   */
  public record Warning(
      String limit,
      String name,
      BenefitLimits.Period period,
      long limitPence,
      LocalDate limitAppliesFrom,
      LocalDate periodStart,
      LocalDate periodEnd,
      long otherFeesPence,
      long thisFeePence,
      long totalPence,
      long highestFeeWithinPence,
      boolean alreadyOver,
      List<Option> options,
      String message,
      String advice) {}

  /** The warnings for a claim, if its person asked for them. */
  @Transactional
  public List<Warning> forClaim(Claim claim, PayeeProfile profile) {
    return check(profile, claim.activityDate(), claim, 0);
  }

  /** The warnings for a fee someone is thinking of earning on a day (no claim yet). */
  @Transactional
  public List<Warning> prospective(PayeeProfile profile, LocalDate day, long feePence) {
    return check(profile, day, null, feePence);
  }

  /** The warnings for a claim's counted fee, or (claim null) for a fee being considered. */
  private List<Warning> check(PayeeProfile profile, LocalDate day, Claim claim, long feePence) {
    if (!profile.benefitAwareness()) {
      return List.of();
    }
    boolean vouchersCount = settings.get(PaymentsPlugin.VOUCHERS_COUNT);
    long fee = claim == null ? feePence : counted(claim, vouchersCount);
    UUID except = claim == null ? null : claim.id();
    String advice = settings.get(PaymentsPlugin.ADVICE);
    List<Warning> warnings = new ArrayList<>();
    for (String code : profile.benefitLimits()) {
      Optional<BenefitLimits.Limit> found = inForce(code, day);
      if (found.isEmpty()) {
        continue;
      }
      BenefitLimits.Limit limit = found.get();
      Window window = Window.around(limit.period(), day);
      long others =
          otherFees(profile.memberId(), window.start(), window.end(), except, vouchersCount);
      against(limit, window, others, fee, vouchersCount, advice).ifPresent(warnings::add);
    }
    return warnings;
  }

  /** The week (Monday to Sunday) or calendar month a limit counts fees over. */
  record Window(LocalDate start, LocalDate end) {
    static Window around(BenefitLimits.Period period, LocalDate day) {
      if (period == BenefitLimits.Period.WEEK) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Window(monday, monday.plusDays(6));
      }
      return new Window(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
    }
  }

  /**
   * The warning for one limit, if the person's fees in its window ({@code others} already, and
   * {@code fee} now) would go over it: what they would earn, how much would stay within it, and
   * what they can do (take vouchers where they do not count, a lower amount unless already over, or
   * decline).
   */
  static Optional<Warning> against(
      BenefitLimits.Limit limit,
      Window window,
      long others,
      long fee,
      boolean vouchersCount,
      String advice) {
    long total = others + fee;
    if (total <= limit.amountPence()) {
      return Optional.empty();
    }
    boolean alreadyOver = others > limit.amountPence();
    List<Option> options = new ArrayList<>();
    if (!vouchersCount) {
      options.add(Option.VOUCHERS);
    }
    if (!alreadyOver) {
      options.add(Option.LOWER_AMOUNT);
    }
    options.add(Option.DECLINE);
    String per = limit.period() == BenefitLimits.Period.WEEK ? "week" : "month";
    return Optional.of(
        new Warning(
            limit.code(),
            limit.name(),
            limit.period(),
            limit.amountPence(),
            limit.appliesFrom(),
            window.start(),
            window.end(),
            others,
            fee,
            total,
            Math.max(0, limit.amountPence() - others),
            alreadyOver,
            List.copyOf(options),
            "Your fees for the "
                + per
                + " of "
                + UkText.day(window.start())
                + " to "
                + UkText.day(window.end())
                + " would be "
                + Money.ofPence(total).display()
                + ". The "
                + limit.name()
                + " is "
                + Money.ofPence(limit.amountPence()).display()
                + " a "
                + per
                + " from "
                + UkText.day(limit.appliesFrom())
                + ". This is information, not advice: going over it can affect your benefit."
                + (alreadyOver
                    ? " Your fees are already over it for this " + per + "."
                    : " A fee of up to "
                        + Money.ofPence(Math.max(0, limit.amountPence() - others)).display()
                        + " would stay within it."),
            advice));
  }

  /** The figure in force on a day: the council's own, if it set one from that day or earlier. */
  public Optional<BenefitLimits.Limit> inForce(String code, LocalDate day) {
    Optional<BenefitLimits.Limit> national = nationalLimits.inForce(code, day);
    Optional<Map<String, Object>> override =
        settings.get(PaymentsPlugin.LIMIT_OVERRIDES).stream()
            .filter(o -> code.equals(o.get("limit")))
            .filter(o -> !((LocalDate) o.get("from")).isAfter(day))
            .max(Comparator.comparing(o -> (LocalDate) o.get("from")));
    if (override.isEmpty()) {
      return national;
    }
    LocalDate from = (LocalDate) override.get().get("from");
    if (national.isPresent() && national.get().appliesFrom().isAfter(from)) {
      return national;
    }
    BenefitLimits.Limit base =
        national
            .or(() -> nationalLimits.all().stream().filter(l -> l.code().equals(code)).findFirst())
            .orElse(null);
    return Optional.of(
        new BenefitLimits.Limit(
            code,
            base == null ? code : base.name(),
            base == null ? BenefitLimits.Period.WEEK : base.period(),
            (Long) override.get().get("amount"),
            from,
            "The council's own figure"));
  }

  /** The fee of a claim that counts as earnings. */
  static long counted(Claim claim, boolean vouchersCount) {
    if (claim.method() == Claim.Method.VOUCHER && !vouchersCount) {
      return 0;
    }
    return claim.payableFeePence();
  }

  private long otherFees(
      UUID memberId, LocalDate start, LocalDate end, UUID except, boolean vouchersCount) {
    List<Claim> claims =
        entityManager
            .createQuery(
                "SELECT c FROM Claim c WHERE c.memberId = :member AND c.activityDate BETWEEN"
                    + " :start AND :end AND c.status IN :statuses",
                Claim.class)
            .setParameter("member", memberId)
            .setParameter("start", start)
            .setParameter("end", end)
            .setParameter(
                "statuses",
                List.of(Claim.Status.SUBMITTED, Claim.Status.APPROVED, Claim.Status.PAID))
            .getResultList();
    return claims.stream()
        .filter(c -> !c.id().equals(except))
        .mapToLong(c -> counted(c, vouchersCount))
        .sum();
  }
}
