package org.roundtable.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.roundtable.api.participation.Participation;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.api.settings.Setting;
import org.roundtable.api.settings.SettingType;

class FakePlatformTest {

  private final FakePlatform platform = new FakePlatform();

  @Test
  void oneCouncilNeverSeesAnothersMembersRecordsSettingsOrAudit() {
    Setting<Long> rate =
        Setting.of("hourlyRate", "Rate", "Pence an hour", SettingType.money(100_000), 1500L);
    platform.in("kirklees");
    UUID carer = platform.members().add("Chris Carer", "chris@example.org");
    UUID record = platform.participation().record(attended(carer, "meeting-1"));
    platform.settings().set(rate, 2000L);
    platform.audit().record("claim.made", "claim", "1", "made");

    platform.in("solihull");
    assertThat(platform.members().find(carer)).isEmpty();
    assertThat(platform.participation().get(record)).isEmpty();
    assertThat(platform.settings().get(rate)).isEqualTo(1500L);
    assertThat(platform.audit().entries()).isEmpty();

    platform.in("kirklees");
    assertThat(platform.members().find(carer).orElseThrow().name()).isEqualTo("Chris Carer");
    assertThat(platform.settings().get(rate)).isEqualTo(2000L);
  }

  @Test
  void aGuestHoldsNoPermissionAndOnlyTheirRecords() {
    UUID guest = UUID.randomUUID();
    var member =
        platform
            .currentMember()
            .signInGuest(guest, "Priya Presenter", "boards:meetings", java.util.Set.of("m-1"));
    assertThat(member.isGuestOnly()).isTrue();
    assertThat(member.hasPermission("boards:boards:read")).isFalse();
    assertThat(member.guestRecords("boards:meetings")).containsExactly("m-1");
    assertThat(member.guestRecords("peer-challenge:challenges")).isEmpty();

    member.signIn(guest, "Priya Presenter", java.util.Set.of("member"), java.util.Set.of());
    assertThat(member.guestRecords("boards:meetings")).as("a member, not a guest").isEmpty();
  }

  @Test
  void accessNeedsAreSeenOnlyWhenTheMemberSharesThem() {
    platform.in("kirklees");
    UUID shares = platform.members().add("Kemyn", null);
    UUID keeps = platform.members().add("Chris", null);
    platform.members().shareAccessNeeds(shares, java.util.List.of("A hearing loop"), "");

    assertThat(platform.members().accessNeeds(shares).orElseThrow().needs())
        .containsExactly("A hearing loop");
    assertThat(platform.members().accessNeeds(keeps)).isEmpty();
    platform.in("solihull");
    assertThat(platform.members().accessNeeds(shares)).as("another council").isEmpty();
  }

  @Test
  void aCorrectionKeepsTheRecordAndAWithdrawalHidesIt() {
    platform.in("kirklees");
    UUID carer = platform.members().add("Chris Carer", null);
    UUID first = platform.participation().record(attended(carer, "meeting-1"));
    UUID corrected = platform.participation().record(attended(carer, "meeting-1"));

    assertThat(corrected).isEqualTo(first);
    assertThat(platform.participation().withdraw(carer, "meeting-1")).isTrue();
    assertThat(platform.participation().withdraw(carer, "meeting-1")).isFalse();
    assertThat(platform.participation().find(carer, "meeting-1")).isEmpty();
    assertThat(platform.participation().get(first).orElseThrow().withdrawn()).isTrue();
    assertThat(platform.participation().events())
        .containsExactly(
            ParticipationRecords.RECORDED + " " + first,
            ParticipationRecords.CORRECTED + " " + first,
            ParticipationRecords.WITHDRAWN + " " + first);
  }

  @Test
  void aDatedSettingHoldsFromItsDayAndTheClockMovesOnlyWhenTold() {
    Setting<Long> rate =
        Setting.dated("hourlyRate", "Rate", "Pence an hour", SettingType.money(100_000), 1500L);
    platform.in("kirklees");
    platform.settings().set(rate, 1800L, LocalDate.of(2026, 5, 1));
    Instant start = platform.clock().instant();

    assertThat(platform.settings().get(rate)).isEqualTo(1500L);
    assertThat(platform.settings().on(rate, LocalDate.of(2026, 5, 1))).isEqualTo(1800L);
    platform.clock().advance(Duration.ofDays(30));
    assertThat(platform.clock().instant()).isEqualTo(start.plus(Duration.ofDays(30)));
    assertThat(platform.settings().get(rate)).isEqualTo(1800L);
  }

  @Test
  void noCouncilBoundIsAProgrammingError() {
    assertThatThrownBy(() -> platform.members().add("Nobody", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No tenant is bound");
  }

  @Test
  void mailIsKeptAndARelayThatIsDownFailsTheNextSend() throws Exception {
    platform.mail().failNext();
    assertThatThrownBy(
            () -> platform.mail().send("a@example.org", "Hi", "Text", java.util.List.of()))
        .isInstanceOf(org.roundtable.api.platform.Mail.MailNotSent.class);
    platform.mail().send("a@example.org", "Hi", "Text", java.util.List.of());
    assertThat(platform.mail().sent())
        .extracting(FakeMail.Sent::to)
        .containsExactly("a@example.org");
  }

  private static Participation attended(UUID member, String reference) {
    return new Participation(
        member,
        "board-meeting",
        "Carers partnership board",
        reference,
        Instant.parse("2026-04-01T10:00:00Z"),
        Duration.ofHours(2),
        "member",
        true);
  }
}
