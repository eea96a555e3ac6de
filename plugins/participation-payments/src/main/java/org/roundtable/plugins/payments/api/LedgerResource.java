package org.roundtable.plugins.payments.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.application.Ledger;
import org.roundtable.plugins.payments.domain.LedgerEntry;

/** {@code /api/v1/{tenant}/payments/ledger}: the ledger's lines, balances and reconciliation. */
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(PaymentsPlugin.READ_ALL)
public class LedgerResource {

  @Inject Ledger ledger;

  public record EntryView(
      UUID id,
      LedgerEntry.Kind kind,
      UUID memberId,
      UUID claimId,
      String activityTitle,
      LocalDate activityDate,
      long feePence,
      long expensesPence,
      UUID reverses,
      UUID runId,
      Instant postedAt) {
    static EntryView of(LedgerEntry e) {
      return new EntryView(
          e.id(),
          e.kind(),
          e.memberId(),
          e.claimId(),
          e.activityTitle(),
          e.activityDate(),
          e.feePence(),
          e.expensesPence(),
          e.reverses(),
          e.runId(),
          e.postedAt());
    }
  }

  public record Reconciliation(boolean reconciled, List<Ledger.Mismatch> mismatches) {}

  @GET
  public List<EntryView> lines(@QueryParam("member") String member) {
    if (member == null) {
      throw new Refused("member", "Name the person: ?member=<their id>");
    }
    return ledger.forMember(Requests.uuid(member)).stream().map(EntryView::of).toList();
  }

  @GET
  @Path("balances")
  public List<Ledger.Balance> balances(@QueryParam("by") @DefaultValue("member") String by) {
    return switch (by) {
      case "member" -> ledger.balancesByMember();
      case "activity" -> ledger.balancesByActivity();
      default -> throw new Refused("by", "by is member or activity");
    };
  }

  /** Every claim checked against its ledger lines; reconciled when there are no mismatches. */
  @GET
  @Path("reconciliation")
  public Reconciliation reconciliation() {
    List<Ledger.Mismatch> mismatches = ledger.reconcile();
    return new Reconciliation(mismatches.isEmpty(), mismatches);
  }
}
