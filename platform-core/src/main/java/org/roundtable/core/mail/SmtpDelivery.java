package org.roundtable.core.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.roundtable.core.tenancy.Tenant;

/** The platform's own email: through the SMTP relay, with the outbox row's id as Message-ID. */
@ApplicationScoped
public class SmtpDelivery implements OutboxDelivery {

  public static final String KIND = "SMTP";

  @Inject Mailer mailer;

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void deliver(Tenant tenant, UUID id, Mailer.Email email) throws Exception {
    mailer.send(email, id);
  }
}
