package org.roundtable.core.identity.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.roundtable.core.persistence.EncryptionSettings;
import org.roundtable.core.tenancy.Tenant;

/** The current tenant's web client secret, opened for the sign-in's code exchange. */
@ApplicationScoped
public class WebClientSecrets {

  public static final String WEB_CLIENT = "web-app";

  @Inject EntityManager entityManager;
  @Inject EncryptionSettings encryptionSettings;

  /**
   * Whether the current tenant's browser sign-in can work: its secret is kept and can be opened.
   */
  @Transactional
  public boolean isAvailable() {
    return encryptionSettings.encryption().isPresent()
        && entityManager.find(TenantClientSecret.class, WEB_CLIENT) != null;
  }

  /** The current tenant's web client secret, in the clear. */
  @Transactional
  public String webClientSecret(Tenant tenant) {
    TenantClientSecret secret = entityManager.find(TenantClientSecret.class, WEB_CLIENT);
    if (secret == null) {
      throw new IllegalStateException("No web client secret is kept for " + tenant.slug());
    }
    return ClientSecrets.open(encryptionSettings.encryption().orElseThrow(), tenant.ref(), secret);
  }
}
