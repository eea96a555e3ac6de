package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.events.Events;
import org.roundtable.api.money.Money;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.platform.Members;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.ClaimTransitions;
import org.roundtable.plugins.payments.domain.FinanceRun;
import org.roundtable.plugins.payments.domain.RunLine;

/**
 * Finance runs: finance gathers every approved claim not yet paid into a run, exports it as CSV for
 * the council's payroll or accounts payable, and marks it paid once the money has gone; or voids it
 * and makes another. A run's lines are fixed when it is made, so the same run always exports the
 * same file.
 *
 * <p>About 400 lines on purpose: a run's four steps share its lock and the set-based statements
 * that move its claims (up to 100,000), which must select exactly what {@link
 * org.roundtable.plugins.payments.domain.ClaimTransitions} allows; apart, they would drift.
 */
@ApplicationScoped
public class FinanceRuns {

  /** Looked up once: {@code Json.create…} scans the class path for the provider every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** The claims a paid run pays, by the claims' one transition table (set-based, in SQL). */
  static final String PAYABLE = ClaimTransitions.sqlInto(Claim.Status.PAID);

  /** Event sent when a run is paid (one per person: what was paid to them). */
  public static final String PAID_EVENT = "payments.claims.paid";

  /** The file's columns, in order (documented in the plugin's README). */
  public static final List<String> COLUMNS =
      List.of(
          "run",
          "line",
          "payee_reference",
          "payee_name",
          "payment_method",
          "charity",
          "fee",
          "expenses",
          "total",
          "activity_date",
          "activity_type",
          "activity",
          "claim_id",
          "bank_details_check");

  /** {@code bank_details_check} for a line whose bank details a second person must confirm. */
  public static final String CONFIRM_FIRST = "confirm before paying";

  private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Inject EntityManager entityManager;
  @Inject org.roundtable.api.settings.PluginSettings settings;
  @Inject TenantContext tenants;
  @Inject Payees payees;
  @Inject Members members;
  @Inject AuditTrail audit;
  @Inject Events events;
  @Inject CurrentMember currentMember;
  @Inject Clock clock;
  @Inject BulkWrites bulk;

  /**
   * Makes a run of every approved claim with something still to pay, not already in a run: the
   * claims move into it, and its lines are written from them, in two statements however many there
   * are (100,000 claims take seconds, not minutes; ADR 0031).
   */
  @Transactional
  public FinanceRun create() {
    Integer last =
        entityManager
            .createQuery("SELECT MAX(r.number) FROM FinanceRun r", Integer.class)
            .getSingleResult();
    FinanceRun run =
        new FinanceRun(UUID.randomUUID(), last == null ? 1 : last + 1, clock.instant(), actor());
    entityManager.persist(run);
    // The UPDATE locks what it moves; a run being made at the same time waits, then finds these
    // claims in a run already and leaves them.
    if (bulk.moveIntoRun(run.id(), PAYABLE) == 0) {
      throw new Conflict("There are no approved claims waiting to be paid");
    }
    List<UUID> people = bulk.peopleInRun(run.id());
    Map<UUID, String> names = new LinkedHashMap<>();
    members.findAll(people).forEach((id, member) -> names.put(id, member.name()));
    BulkWrites.Totals totals = bulk.writeRunLines(run.id(), names);
    run.totals(totals.lines(), totals.feePence(), totals.expensesPence());
    audit.record(
        "payments.run.created",
        "run",
        run.id().toString(),
        "run "
            + run.number()
            + ": "
            + totals.lines()
            + " claims, "
            + Money.ofPence(totals.feePence() + totals.expensesPence()).display());
    return run;
  }

  @Transactional
  public FinanceRun find(UUID id) {
    FinanceRun run = entityManager.find(FinanceRun.class, id);
    if (run == null) {
      throw new NotFound();
    }
    return run;
  }

  @Transactional
  public List<FinanceRun> all() {
    return entityManager
        .createQuery("SELECT r FROM FinanceRun r ORDER BY r.number DESC", FinanceRun.class)
        .getResultList();
  }

  @Transactional
  public List<RunLine> lines(UUID runId) {
    return entityManager
        .createQuery(
            "SELECT l FROM RunLine l WHERE l.runId = :run ORDER BY l.lineNumber", RunLine.class)
        .setParameter("run", runId)
        .getResultList();
  }

  /** Bank details changed after this still count as just changed. */
  Instant holdStart() {
    return clock
        .instant()
        .minus(Duration.ofDays(settings.get(PaymentsPlugin.BANK_CHANGE_HOLD_DAYS)));
  }

  /** The people of these lines paid by bank whose bank details a second person must confirm. */
  public java.util.Set<UUID> needingConfirmation(List<RunLine> lines) {
    Instant holdStart = holdStart();
    java.util.Set<UUID> people = new java.util.HashSet<>();
    lines.stream().filter(l -> l.method().equals("BANK")).forEach(l -> people.add(l.memberId()));
    java.util.Set<UUID> toConfirm = new java.util.HashSet<>();
    payees
        .existing(people)
        .forEach(
            (member, profile) -> {
              if (profile.bankDetailsNeedConfirming(holdStart)) {
                toConfirm.add(member);
              }
            });
    return toConfirm;
  }

  /** Writes a run's file: the same bytes every time for the same run. */
  @Transactional
  public void writeCsv(UUID runId, OutputStream out) {
    FinanceRun run = find(runId);
    audit.record("payments.run.exported", "run", runId.toString(), null);
    try {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter csv =
          new CSVPrinter(
              writer,
              CSVFormat.RFC4180
                  .builder()
                  .setHeader(COLUMNS.toArray(String[]::new))
                  .setRecordSeparator("\r\n")
                  .get());
      List<RunLine> lines = lines(runId);
      java.util.Set<UUID> toConfirm = needingConfirmation(lines);
      for (RunLine line : lines) {
        csv.printRecord(
            run.number(),
            line.lineNumber(),
            Cells.text(line.payeeReference()),
            Cells.text(line.payeeName()),
            line.method(),
            Cells.text(line.charity() == null ? "" : line.charity()),
            Money.ofPence(line.feePence()).decimal(),
            Money.ofPence(line.expensesPence()).decimal(),
            Money.ofPence(line.feePence() + line.expensesPence()).decimal(),
            UK_DATE.format(line.activityDate()),
            Cells.text(line.activityType()),
            Cells.text(line.activityTitle()),
            line.claimId(),
            toConfirm.contains(line.memberId()) ? CONFIRM_FIRST : "");
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Marks a run paid: each claim becomes paid with a payment line in the ledger. Refused, with
   * nothing changed, if any claim changed after the run was made (void the run and make another).
   */
  @Transactional
  public FinanceRun markPaid(UUID runId, LocalDate paidOn) {
    FinanceRun run = entityManager.find(FinanceRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
    if (run == null) {
      throw new NotFound();
    }
    if (run.status() == FinanceRun.Status.PAID) {
      return run;
    }
    if (run.status() != FinanceRun.Status.OPEN) {
      throw new Conflict("This run was voided: make a new run");
    }
    if (paidOn.isAfter(LocalDate.now(clock.withZone(UkTime.ZONE)))) {
      throw new Refused("paidOn", "The payment date cannot be in the future");
    }

    // A claim changed after the run was made has left it (see Claims): every line's claim must
    // still be in the run and approved. Counted, not loaded: a run may hold 100,000.
    long stillInRun =
        ((Number)
                entityManager
                    .createNativeQuery(
                        "SELECT count(*) FROM payments_claim WHERE run_id = ?1 AND "
                            + PAYABLE
                            + " AND tenant_id = ?2")
                    .setParameter(1, runId)
                    .setParameter(2, tenants.current().slug())
                    .getSingleResult())
            .longValue();
    if (stillInRun != run.lineCount()) {
      throw new Conflict(
          (run.lineCount() - stillInRun)
              + " of this run's claims changed after it was made: void the run and make a new one");
    }
    long unconfirmed =
        ((Number)
                entityManager
                    .createNativeQuery(
                        "SELECT count(DISTINCT l.member_id) FROM payments_run_line l"
                            + " JOIN payments_payee p ON p.tenant_id = l.tenant_id"
                            + "  AND p.member_id = l.member_id"
                            + " WHERE l.run_id = ?1 AND l.tenant_id = ?2 AND l.method = 'BANK'"
                            + "  AND p.bank_details_sealed IS NOT NULL AND p.bank_confirmed_by IS NULL"
                            + "  AND (p.bank_set_for_another OR p.bank_changed_at > ?3)")
                    .setParameter(1, runId)
                    .setParameter(2, tenants.current().slug())
                    .setParameter(
                        3,
                        java.time.OffsetDateTime.ofInstant(holdStart(), java.time.ZoneOffset.UTC))
                    .getSingleResult())
            .longValue();
    if (unconfirmed > 0) {
      throw new Conflict(
          "The bank details of "
              + unconfirmed
              + (unconfirmed == 1 ? " person" : " people")
              + " in this run were set for them by someone else or changed recently: a second"
              + " person (an approver or finance, not whoever set them) must confirm them before"
              + " this run is paid");
    }
    // A payment line for each of the run's lines, then every claim of the run paid in full, one
    // statement each; a claim corrected between the count above and here has left the run, the
    // counts differ and nothing is paid.
    int updated = bulk.payRun(runId, run.lineCount(), paidOn, PAYABLE, clock.instant(), actor());
    if (updated != run.lineCount()) {
      throw new Conflict(
          "Claims changed while this run was being paid: void the run and make a new one");
    }
    run.close(FinanceRun.Status.PAID, paidOn, clock.instant(), actor());
    bulk.paidPerPerson(runId)
        .forEach(
            paid ->
                events.publish(
                    PAID_EVENT,
                    JSON.createObjectBuilder()
                        .add("memberId", paid.memberId().toString())
                        .add("runId", runId.toString())
                        .add("paidOn", paidOn.toString())
                        .add("claims", paid.claims())
                        .add("totalPence", paid.totalPence())
                        .build()));
    audit.record(
        "payments.run.paid", "run", runId.toString(), "run " + run.number() + " paid on " + paidOn);
    return run;
  }

  /** Voids an open run: its claims wait, approved, for the next run. */
  @Transactional
  public FinanceRun voidRun(UUID runId) {
    FinanceRun run = entityManager.find(FinanceRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
    if (run == null) {
      throw new NotFound();
    }
    if (run.status() == FinanceRun.Status.VOID) {
      return run;
    }
    if (run.status() == FinanceRun.Status.PAID) {
      throw new Conflict("A paid run cannot be voided: correct claims instead");
    }
    bulk.leaveRun(runId);
    run.close(FinanceRun.Status.VOID, null, clock.instant(), actor());
    audit.record("payments.run.voided", "run", runId.toString(), "run " + run.number());
    return run;
  }

  private String actor() {
    return currentMember.signedInId().map(UUID::toString).orElse("system");
  }
}
