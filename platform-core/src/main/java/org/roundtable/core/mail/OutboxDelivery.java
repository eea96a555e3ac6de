package org.roundtable.core.mail;

import org.roundtable.core.tenancy.Tenant;

/**
 * How one kind of outbox email goes out: the platform's own through SMTP, or an email Keycloak
 * sends (an invitation's set-password link). A delivery that throws is tried again later.
 */
public interface OutboxDelivery {

  /** The kind of outbox row it delivers ({@code SMTP}, {@code KEYCLOAK_ACTIONS}). */
  String kind();

  /**
   * Sends one email, outside any database transaction.
   *
   * @param id the outbox row's id (the Message-ID where the delivery sets one)
   * @param email what to send; for Keycloak actions, {@code to} is the person's id in the realm and
   *     {@code text} the actions, comma-separated
   * @throws Exception when it did not go (it is tried again)
   */
  void deliver(Tenant tenant, java.util.UUID id, Mailer.Email email) throws Exception;
}
