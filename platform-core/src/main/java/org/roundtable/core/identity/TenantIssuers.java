package org.roundtable.core.identity;

import java.net.URI;
import java.net.URL;
import org.roundtable.core.tenancy.Tenant;

/**
 * Which token issuer vouches for a tenant's members, and where its signing keys are. Today every
 * tenant has a realm of its own; a later mode may map several tenants to one realm with Keycloak
 * Organizations (the scale path past a few hundred councils) by replacing this one bean.
 */
public interface TenantIssuers {

  /**
   * @param issuer the exact {@code iss} a token of this tenant carries (the public URL)
   * @param jwks where the platform fetches the issuer's public keys (the internal URL)
   * @param authorization where browsers are sent to sign in (the public URL)
   * @param token where the platform exchanges a sign-in code for tokens (the internal URL)
   * @param endSession where browsers are sent to sign out of the issuer (the public URL)
   */
  record Issuer(String issuer, URL jwks, URI authorization, URI token, URI endSession) {}

  Issuer issuerOf(Tenant tenant);
}
