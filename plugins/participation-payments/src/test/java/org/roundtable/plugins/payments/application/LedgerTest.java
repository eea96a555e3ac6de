package org.roundtable.plugins.payments.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.LedgerEntry;
import org.roundtable.testkit.fakes.FakePlatform;

/**
 * The ledger's postings for one claim: a charge, a reversal that cancels it exactly, a charge again
 * after a correction; never an edit. The database is stood in for by the few calls the ledger makes
 * (it persists lines and finds a charge by its key).
 */
class LedgerTest {

  private final FakePlatform platform = new FakePlatform().in("kirklees");
  private final List<LedgerEntry> lines = new ArrayList<>();
  private final Ledger ledger = new Ledger();
  private final UUID officer = UUID.randomUUID();

  LedgerTest() {
    ledger.entityManager = lines();
    ledger.tenants = platform.tenants();
    ledger.currentMember = platform.currentMember().signIn(officer, "Officer", Set.of(), Set.of());
    ledger.clock = platform.clock();
  }

  private static Claim claim(long feePence) {
    return new Claim(
        UUID.randomUUID(),
        UUID.randomUUID(),
        Claim.Source.MANUAL,
        null,
        new Claim.Activity(
            "board-meeting", "Carers board", "B-1", LocalDate.of(2026, 4, 1), "member", 120, 0),
        new Claim.Fee(feePence, "2 hours"),
        Claim.Method.BANK,
        null,
        Instant.parse("2026-04-01T10:00:00Z"));
  }

  @Test
  void aChargeOwesThePersonTheirFeeAndExpenses() {
    Claim claim = claim(5000);

    ledger.charge(claim, 450);

    assertThat(lines)
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.kind()).isEqualTo(LedgerEntry.Kind.CHARGE);
              assertThat(line.feePence()).isEqualTo(5000);
              assertThat(line.expensesPence()).isEqualTo(450);
              assertThat(line.idempotencyKey()).isEqualTo("charge:" + claim.id() + ":1");
            });
    assertThat(claim.chargedFeePence() + claim.chargedExpensesPence()).isEqualTo(5450);
  }

  @Test
  void aCorrectionReversesTheChargeAndChargesAgainSoTheLinesAddUpToWhatIsOwedNow() {
    Claim claim = claim(5000);
    ledger.charge(claim, 0);

    claim.describe(claim.activity(), new Claim.Fee(7500, "3 hours"));
    ledger.reverse(claim);
    ledger.charge(claim, 0);

    assertThat(lines)
        .extracting(LedgerEntry::kind)
        .containsExactly(
            LedgerEntry.Kind.CHARGE, LedgerEntry.Kind.REVERSAL, LedgerEntry.Kind.CHARGE);
    assertThat(lines.get(1).reverses()).isEqualTo(lines.get(0).id());
    assertThat(lines.stream().mapToLong(l -> l.feePence() + l.expensesPence()).sum())
        .isEqualTo(7500);
    assertThat(lines).extracting(LedgerEntry::idempotencyKey).doesNotHaveDuplicates();
  }

  @Test
  void reversingWhatWasNeverChargedPostsNothing() {
    ledger.reverse(claim(5000));

    assertThat(lines).isEmpty();
  }

  /** Persists into {@link #lines}; a query by idempotency key reads them back. */
  private EntityManager lines() {
    return (EntityManager)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "persist" -> {
                    lines.add((LedgerEntry) args[0]);
                    yield null;
                  }
                  case "createQuery" -> byKey();
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @SuppressWarnings("unchecked")
  private TypedQuery<LedgerEntry> byKey() {
    Map<String, Object> parameters = new HashMap<>();
    return (TypedQuery<LedgerEntry>)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {TypedQuery.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "setParameter" -> {
                    parameters.put((String) args[0], args[1]);
                    yield proxy;
                  }
                  case "getResultList" ->
                      lines.stream()
                          .filter(l -> l.idempotencyKey().equals(parameters.get("key")))
                          .toList();
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
