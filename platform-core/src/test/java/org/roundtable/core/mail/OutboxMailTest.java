package org.roundtable.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An email the relay keeps refusing waits longer each time, then waits for an operator. */
class OutboxMailTest {

  private final Instant now = Instant.parse("2026-12-04T09:00:00Z");

  private OutboxMail mail() {
    return new OutboxMail(
        UUID.randomUUID(), "SMTP", "a@example.org", "Kirklees", "Hello", "Text", "[]", now);
  }

  @Test
  void isGivenUpAtItsLastAttemptAndNotBefore() {
    OutboxMail mail = mail();

    assertThat(mail.failed("refused", now, 3)).isFalse();
    assertThat(Duration.between(now, mail.nextAttemptAt())).isEqualTo(Duration.ofSeconds(2));
    assertThat(mail.failed("refused", now, 3)).isFalse();
    assertThat(Duration.between(now, mail.nextAttemptAt())).isEqualTo(Duration.ofSeconds(4));
    assertThat(mail.failed("refused", now, 3)).isTrue();
    assertThat(mail.failedAt()).contains(now);
  }

  @Test
  void sentAgainByAnOperatorItIsDueAtOnceWithItsAttemptsCountedAfresh() {
    OutboxMail mail = mail();
    mail.failed("refused", now, 1);

    mail.resend(now.plusSeconds(30));

    assertThat(mail.failedAt()).isEmpty();
    assertThat(mail.attempts()).isZero();
    assertThat(mail.nextAttemptAt()).isEqualTo(now.plusSeconds(30));
  }
}
