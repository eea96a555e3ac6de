package org.roundtable.core.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.tenancy.PublicAddress;
import org.roundtable.core.tenancy.Tenant;

/**
 * The council's own letter to someone it invites, in plain words: who invited them, what Roundtable
 * is for, that a second email brings the link to choose a password (Keycloak's, which only it can
 * issue), where to sign in afterwards, and how to ask for another format.
 */
@ApplicationScoped
public class InvitationLetters {

  private static final Logger LOG = Logger.getLogger(InvitationLetters.class.getName());

  @Inject Mailer mailer;
  @Inject MailOutbox outbox;
  @Inject TenantTransactions transactions;

  @Inject PublicAddress address;

  /**
   * Queues the letter (the mail outbox sends it). A failure to queue is logged, not thrown: the
   * set-password email is what matters, and the invitation stands without the letter.
   *
   * @param invitedBy the name of the person who invited them, as they would recognise it
   */
  public void send(Tenant tenant, String email, String fullName, String invitedBy) {
    if (!mailer.isConfigured()) {
      return;
    }
    String council = tenant.displayName();
    String text =
        """
        Dear %1$s,

        %2$s at %3$s has invited you to Roundtable.

        Roundtable is where %3$s and people with lived experience of care and support \
        work together as equals: meetings, papers and payment for your time, all in one place.

        What happens next
        1. You will get a second email with a link to choose your password. The link works \
        for 7 days.
        2. After that, sign in at %4$s

        If you would like this in another format, such as large print, easy read or audio, \
        or would rather talk to someone, reply to this email or ask %2$s.

        %3$s
        """
            .formatted(fullName, invitedBy, council, address.home(tenant));
    try {
      // Queued in the tenant's rows and sent after commit, again until the relay takes it.
      transactions.inTenant(
          tenant.ref(),
          () ->
              outbox.queue(
                  new Mailer.Email(
                      email,
                      council,
                      "You are invited to join " + council + " on Roundtable",
                      text)));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Could not queue the invitation letter of " + tenant.slug(), e);
    }
  }
}
