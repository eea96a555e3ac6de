package org.roundtable.core.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;
import org.roundtable.core.persistence.Attempts;

/**
 * One email in the outbox: written with the change that causes it, sent after commit, tried again
 * with a growing wait until the relay takes it. Its id is the email's Message-ID, the same on every
 * attempt.
 */
@Entity
@Table(name = "mail_outbox")
@TenantOwned
public class OutboxMail {

  /** The first wait after a refusal, and the longest between two attempts. */
  static final Duration FIRST_WAIT = Duration.ofSeconds(2);

  static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

  @Id private UUID id;

  @Column(nullable = false, updatable = false)
  private String kind;

  @Column(nullable = false, updatable = false)
  private String recipient;

  @Column(name = "sender_name", nullable = false, updatable = false)
  private String senderName;

  @Column(nullable = false, updatable = false)
  private String subject;

  @Column(nullable = false, updatable = false)
  private String body;

  @Column(nullable = false, updatable = false)
  private String attachments;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "failed_at")
  private Instant failedAt;

  protected OutboxMail() {}

  OutboxMail(
      UUID id,
      String kind,
      String recipient,
      String senderName,
      String subject,
      String body,
      String attachments,
      Instant now) {
    this.id = id;
    this.kind = kind;
    this.recipient = recipient;
    this.senderName = senderName;
    this.subject = subject;
    this.body = body;
    this.attachments = attachments;
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  UUID id() {
    return id;
  }

  String kind() {
    return kind;
  }

  String recipient() {
    return recipient;
  }

  String senderName() {
    return senderName;
  }

  String subject() {
    return subject;
  }

  String body() {
    return body;
  }

  String attachments() {
    return attachments;
  }

  int attempts() {
    return attempts;
  }

  void sent(Instant now) {
    attempts++;
    sentAt = now;
    lastError = null;
  }

  /** When it is to be tried (again). */
  Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  Instant createdAt() {
    return createdAt;
  }

  String lastError() {
    return lastError;
  }

  /** When it was given up, if it was: it waits in the failed list for an operator. */
  java.util.Optional<Instant> failedAt() {
    return java.util.Optional.ofNullable(failedAt);
  }

  /**
   * The relay did not take it: tried again after 2 s, 4 s, 8 s … at most {@link #LONGEST_WAIT},
   * until the last attempt, when it is given up.
   *
   * @return whether it was given up
   */
  boolean failed(String error, Instant now, int mostAttempts) {
    attempts++;
    nextAttemptAt = now.plus(Attempts.waitAfter(attempts, FIRST_WAIT, LONGEST_WAIT));
    lastError = Attempts.error(error);
    if (attempts >= mostAttempts) {
      failedAt = now;
    }
    return failedAt != null;
  }

  /** An operator sends it again: due now, with its attempts counted afresh. */
  void resend(Instant now) {
    attempts = 0;
    failedAt = null;
    nextAttemptAt = now;
  }
}
