package org.roundtable.plugins.payments.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.roundtable.api.errors.Conflict;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.Claim.Status;
import org.roundtable.plugins.payments.domain.ClaimTransitions;

/** A claim's life, as the one transition table has it, and the bulk SQL agreeing with it. */
class ClaimTransitionsTest {

  private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

  private static Claim draft() {
    return new Claim(
        UUID.randomUUID(),
        UUID.randomUUID(),
        Claim.Source.MANUAL,
        null,
        new Claim.Activity(
            "board-meeting", "Carers board", "B-1", LocalDate.of(2027, 2, 20), "member", 120, 0),
        new Claim.Fee(5000, "2 hours at £25.00"),
        Claim.Method.BANK,
        null,
        NOW);
  }

  @Test
  void aClaimGoesFromConfirmedToApprovedToPaid() {
    Claim claim = draft();
    assertThat(claim.status()).isEqualTo(Status.DRAFT);

    claim.moveTo(Status.SUBMITTED, NOW);
    claim.approve(UUID.randomUUID(), NOW);

    assertThat(claim.status()).isEqualTo(Status.APPROVED);
    assertThat(ClaimTransitions.allows(claim.status(), Status.PAID)).isTrue();
  }

  @Test
  void aSentBackClaimIsConfirmedAgainOrDeclined() {
    Claim claim = draft();
    claim.moveTo(Status.SUBMITTED, NOW);
    claim.reject("Add the receipt for the taxi");

    assertThat(claim.status()).isEqualTo(Status.REJECTED);
    assertThat(claim.rejectReason()).isEqualTo("Add the receipt for the taxi");
    claim.moveTo(Status.SUBMITTED, NOW);
    assertThat(claim.rejectReason()).isNull();
  }

  @Test
  void aDraftCannotBeApprovedNorPaid() {
    Claim claim = draft();

    assertThatThrownBy(() -> claim.approve(UUID.randomUUID(), NOW))
        .isInstanceOf(Conflict.class)
        .hasMessage("This claim is draft and cannot become approved now");
    assertThatThrownBy(() -> claim.moveTo(Status.PAID, NOW)).isInstanceOf(Conflict.class);
    assertThat(claim.status()).isEqualTo(Status.DRAFT);
  }

  @Test
  void aDeclinedClaimStaysDeclinedUnlessItsActivityIsNoLongerPaid() {
    Claim claim = draft();
    claim.moveTo(Status.DECLINED, NOW);

    assertThatThrownBy(() -> claim.moveTo(Status.SUBMITTED, NOW)).isInstanceOf(Conflict.class);
    claim.moveTo(Status.CANCELLED, NOW);
    claim.moveTo(Status.DRAFT, NOW);
    assertThat(claim.status()).isEqualTo(Status.DRAFT);
  }

  @Test
  void aPaidClaimIsNeverSentBackButMayOweMoreAfterACorrection() {
    assertThat(ClaimTransitions.allows(Status.PAID, Status.REJECTED)).isFalse();
    assertThat(ClaimTransitions.allows(Status.PAID, Status.SUBMITTED)).isTrue();
    assertThat(ClaimTransitions.allows(Status.PAID, Status.DRAFT)).isFalse();
  }

  @Test
  void everyStateHasSomewhereToGo() {
    for (Status status : Status.values()) {
      assertThat(EnumSet.allOf(Status.class))
          .as(status + " can move")
          .anyMatch(next -> ClaimTransitions.allows(status, next));
    }
  }

  @Test
  void theSetBasedPaymentOfARunSelectsExactlyTheClaimsTheTableLetsBecomePaid() {
    Matcher in = Pattern.compile("status IN \\(([^)]*)\\)").matcher(FinanceRuns.PAYABLE);
    assertThat(in.find()).isTrue();
    Set<Status> selected =
        Pattern.compile(",")
            .splitAsStream(in.group(1))
            .map(s -> Status.valueOf(s.strip().replace("'", "")))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Status.class)));

    Set<Status> allowed = EnumSet.noneOf(Status.class);
    for (Status status : Status.values()) {
      if (ClaimTransitions.allows(status, Status.PAID)) {
        allowed.add(status);
      }
    }
    assertThat(selected).isEqualTo(allowed).containsExactly(Status.APPROVED);
  }
}
