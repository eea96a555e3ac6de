package org.roundtable.core.identity.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.roundtable.core.mail.Mailer;
import org.roundtable.core.mail.OutboxDelivery;
import org.roundtable.core.tenancy.Tenant;

/**
 * The outbox's Keycloak emails: an invited person's link to choose a password, which Keycloak sends
 * through the same relay (so it waits in the same outbox while the relay is down).
 */
@ApplicationScoped
public class KeycloakActionsEmail implements OutboxDelivery {

  public static final String KIND = "KEYCLOAK_ACTIONS";

  @Inject RealmProvisioner provisioner;

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void deliver(Tenant tenant, UUID id, Mailer.Email email) throws Exception {
    provisioner.sendActionsEmail(tenant, email.to(), email.text());
  }
}
