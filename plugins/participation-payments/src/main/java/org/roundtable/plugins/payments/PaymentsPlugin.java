package org.roundtable.plugins.payments;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roundtable.api.plugin.Permission;
import org.roundtable.api.plugin.PlatformPlugin;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.api.settings.Setting;
import org.roundtable.api.settings.SettingType;
import org.roundtable.api.web.NavigationEntry;
import org.roundtable.plugins.payments.api.ClaimsResource;
import org.roundtable.plugins.payments.api.LedgerResource;
import org.roundtable.plugins.payments.api.PayeesResource;
import org.roundtable.plugins.payments.api.ReportsResource;
import org.roundtable.plugins.payments.api.RunsResource;
import org.roundtable.plugins.payments.api.StatementsResource;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.Expense;
import org.roundtable.plugins.payments.domain.FinanceRun;
import org.roundtable.plugins.payments.domain.LedgerEntry;
import org.roundtable.plugins.payments.domain.PayeeProfile;
import org.roundtable.plugins.payments.domain.Receipt;
import org.roundtable.plugins.payments.domain.RunLine;
import org.roundtable.plugins.payments.pages.ApprovalPages;
import org.roundtable.plugins.payments.pages.ClaimPages;
import org.roundtable.plugins.payments.pages.PayeePages;
import org.roundtable.plugins.payments.pages.RunPages;

/**
 * Participation payments: paying people for their time and covering their costs, fairly, safely and
 * fast. The tenant's policy is its settings; most are dated, so a change from a day leaves claims
 * for earlier activities at the old rates.
 */
public class PaymentsPlugin implements PlatformPlugin {

  public static final String ID = "payments";

  public static final String CLAIM = "payments:claims:make";
  public static final String READ_ALL = "payments:claims:read-all";
  public static final String APPROVE = "payments:claims:approve";
  public static final String FINANCE = "payments:runs:manage";
  public static final String BANK_DETAILS = "payments:bank-details:read";
  public static final String REPORTS = "payments:reports:read";

  /** How an activity type is paid. */
  public static final SettingType<Map<String, Object>> RATE =
      SettingType.record(
          fields(
              "activityType", SettingType.text(60),
              "basis", SettingType.choice("hour", "day", "document"),
              "amount", SettingType.money(100_000)));

  public static final Setting<List<Map<String, Object>>> RATES =
      Setting.dated(
          "rates",
          "Rates",
          "Which activities are paid and how: by the hour, by the day (half the day rate up to the"
              + " half-day hours) or per document reviewed. Activities not listed are not paid.",
          SettingType.list(RATE, 30),
          List.of(
              rate("board-meeting", "hour", 2500),
              rate("peer-challenge", "day", 15000),
              rate("training-session", "day", 15000),
              rate("document-review", "document", 2500)));

  public static final Setting<List<String>> PAID_ROLES =
      Setting.dated(
          "paidRoles",
          "Paid roles",
          "The roles people take part in that are paid (* for any role).",
          SettingType.list(SettingType.text(60), 30),
          List.of(
              "member",
              "chair",
              "vice-chair",
              "expert-by-experience",
              "carer",
              "co-trainer",
              "peer-reviewer"));

  public static final Setting<Boolean> LIVED_EXPERIENCE_ONLY =
      Setting.of(
          "livedExperienceOnly",
          "Only lived-experience places are paid",
          "Officers and others taking part as part of their job are not paid for their time.",
          SettingType.bool(),
          true);

  public static final Setting<Duration> PREPARATION =
      Setting.dated(
          "preparationTime",
          "Preparation time",
          "Time for reading papers and getting ready that is paid on top of the activity, for"
              + " activities paid by the hour.",
          SettingType.duration(Duration.ofHours(8)),
          Duration.ofHours(1));

  public static final Setting<Long> HALF_DAY_HOURS =
      Setting.dated(
          "halfDayUpToHours",
          "Half day",
          "Activities paid by the day of up to this many hours are paid half the day rate.",
          SettingType.number(1, 12),
          4L);

  public static final Setting<Long> MILEAGE_RATE =
      Setting.dated(
          "mileageRate",
          "Mileage rate",
          "Paid for each mile driven to and from an activity, in pence.",
          SettingType.money(200),
          45L);

  public static final Setting<Long> RECEIPT_ABOVE =
      Setting.dated(
          "receiptAbove",
          "Receipts needed above",
          "Expenses above this amount need a receipt (mileage never does).",
          SettingType.money(100_000),
          1000L);

  public static final Setting<Long> SUBSISTENCE_CAP =
      Setting.dated(
          "subsistenceCap",
          "Most paid for food and drink",
          "The most paid for food and drink for one activity.",
          SettingType.money(10_000),
          1000L);

  public static final Setting<Long> INTERNET_ALLOWANCE =
      Setting.dated(
          "internetAllowance",
          "Phone and internet for online meetings",
          "The most paid towards phone or internet costs for one online activity.",
          SettingType.money(10_000),
          500L);

  public static final Setting<List<String>> PRIOR_AGREEMENT =
      Setting.of(
          "priorAgreement",
          "Agreed in advance",
          "Kinds of expense that must be agreed with an officer before the activity; the claim"
              + " says who agreed and when.",
          SettingType.list(SettingType.choice(Expense.KINDS.toArray(String[]::new)), 10),
          List.of("replacement-care", "childcare"));

  public static final Setting<Boolean> VOUCHERS_COUNT =
      Setting.of(
          "vouchersCountAsEarnings",
          "Vouchers count as earnings",
          "Whether fees taken as vouchers count towards benefit earnings limits. Sources differ:"
              + " the council decides, with its welfare rights advisers.",
          SettingType.bool(),
          false);

  public static final SettingType<Map<String, Object>> LIMIT_OVERRIDE =
      SettingType.record(
          fields(
              "limit", SettingType.text(60),
              "from", SettingType.date(),
              "amount", SettingType.money(100_000_000)));

  public static final Setting<List<Map<String, Object>>> LIMIT_OVERRIDES =
      Setting.of(
          "benefitLimitOverrides",
          "Benefit limit figures of our own",
          "Figures that replace the national ones in this council, each from a day (for example"
              + " while a new national figure is confirmed).",
          SettingType.list(LIMIT_OVERRIDE, 50),
          List.of());

  public static final Setting<Boolean> AUTO_SUBMIT =
      Setting.of(
          "autoSubmit",
          "Send attendance claims straight to approval",
          "Claims for recorded attendance go to approval without waiting for the person to"
              + " confirm (they can still decline). Never for people who asked for benefit"
              + " warnings: they always confirm first.",
          SettingType.bool(),
          false);

  public static final Setting<String> ADVICE =
      Setting.of(
          "welfareRightsAdvice",
          "Where to get welfare rights advice",
          "Shown with every benefit warning: who to ask, and how.",
          SettingType.text(500),
          "Ask the council's welfare rights service, Citizens Advice, or the Carers UK"
              + " helpline before you decide.");

  public static final Setting<Long> TARGET_DAYS =
      Setting.of(
          "paymentTargetDays",
          "Days to pay",
          "The council's target for paying a claim, counted from the activity.",
          SettingType.number(1, 90),
          10L);

  public static final Setting<Long> BANK_CHANGE_HOLD_DAYS =
      Setting.of(
          "bankChangeHoldDays",
          "Days bank details count as just changed",
          "For this many days after someone sets or changes a person's bank details, that someone"
              + " cannot approve the person's claims, and a run cannot pay the person until a"
              + " second person has confirmed the new details.",
          SettingType.number(0, 365),
          30L);

  @Override
  public PluginDescriptor descriptor() {
    return PluginDescriptor.builder(ID)
        .name("Participation payments")
        .version("1.0.0")
        .requiresApi("[1.9,2.0)")
        .entities(
            Claim.class,
            Expense.class,
            Receipt.class,
            PayeeProfile.class,
            LedgerEntry.class,
            FinanceRun.class,
            RunLine.class)
        .changelog("db/payments/changelog.xml")
        .resource("claims", ClaimsResource.class)
        .resource("payees", PayeesResource.class)
        .resource("runs", RunsResource.class)
        .resource("ledger", LedgerResource.class)
        .resource("reports", ReportsResource.class)
        .resource("statements", StatementsResource.class)
        .permissions(
            new Permission(
                CLAIM,
                "Claim for your own time and costs; confirm, change or decline your claims",
                Set.of("tenant-admin", "officer", "member", "finance")),
            new Permission(
                READ_ALL, "See everyone's claims", Set.of("tenant-admin", "officer", "finance")),
            new Permission(APPROVE, "Approve or reject other people's claims", Set.of("officer")),
            new Permission(
                FINANCE,
                "Export approved claims for payment and mark them paid",
                Set.of("finance")),
            new Permission(
                BANK_DETAILS,
                "See people's bank details in full (every view is audited)",
                Set.of("finance")),
            new Permission(
                REPORTS,
                "See spending and days-to-pay reports",
                Set.of("tenant-admin", "officer", "finance")))
        .settings(
            RATES,
            PAID_ROLES,
            LIVED_EXPERIENCE_ONLY,
            PREPARATION,
            HALF_DAY_HOURS,
            MILEAGE_RATE,
            RECEIPT_ABOVE,
            SUBSISTENCE_CAP,
            INTERNET_ALLOWANCE,
            PRIOR_AGREEMENT,
            VOUCHERS_COUNT,
            LIMIT_OVERRIDES,
            AUTO_SUBMIT,
            ADVICE,
            TARGET_DAYS,
            BANK_CHANGE_HOLD_DAYS)
        // Someone's claims at /{tenant}/payments/ and /payments/claims/{id}.
        .page("", ClaimPages.class)
        .page("claims", ClaimPages.class)
        .page("approvals", ApprovalPages.class)
        .page("runs", RunPages.class)
        .page("payment-details", PayeePages.class)
        .navigation(
            new NavigationEntry("Your claims", "", CLAIM),
            new NavigationEntry("Approvals", "approvals", APPROVE),
            new NavigationEntry("Finance runs", "runs", FINANCE))
        .build();
  }

  private static Map<String, Object> rate(String activityType, String basis, long amount) {
    return Map.of("activityType", activityType, "basis", basis, "amount", amount);
  }

  private static Map<String, SettingType<?>> fields(Object... namesAndTypes) {
    Map<String, SettingType<?>> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      fields.put((String) namesAndTypes[i], (SettingType<?>) namesAndTypes[i + 1]);
    }
    return fields;
  }
}
