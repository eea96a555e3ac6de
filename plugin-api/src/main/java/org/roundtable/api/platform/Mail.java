package org.roundtable.api.platform;

import java.util.List;

/**
 * Email from the current tenant, through the platform's mail relay. Plain text; attachments such as
 * a calendar invitation ({@code text/calendar}).
 *
 * @since 1.0.0
 */
public interface Mail {

  /**
   * A file sent with an email.
   *
   * @param fileName its name, e.g. {@code meeting.ics}
   * @param contentType its media type, e.g. {@code text/calendar; method=REQUEST}
   * @param content its bytes
   * @since 1.0.0
   */
  record Attachment(String fileName, String contentType, byte[] content) {}

  /**
   * Sends an email from the current tenant (its name shown as the sender). Since 1.4.0 it is queued
   * with the caller's transaction and sent after commit, again until the relay takes it (at least
   * once, with the same Message-ID each time): a relay that is down never fails the caller's
   * change, and mail for a change that rolls back is never sent.
   *
   * @param to the address
   * @param subject the subject
   * @param text the body, plain text
   * @param attachments files to attach
   * @throws MailNotSent when no mail relay is configured
   * @since 1.0.0
   */
  void send(String to, String subject, String text, List<Attachment> attachments)
      throws MailNotSent;

  /**
   * An email that could not be sent.
   *
   * @since 1.0.0
   */
  final class MailNotSent extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     * @since 1.0.0
     */
    public MailNotSent(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
