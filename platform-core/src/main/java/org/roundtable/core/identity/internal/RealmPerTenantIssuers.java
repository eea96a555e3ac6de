package org.roundtable.core.identity.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.core.identity.TenantIssuers;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.steps.keycloak.KeycloakHttp;

/**
 * One Keycloak realm per tenant. Keycloak has two URLs: the public one (the token issuer, browser
 * redirects) and the internal one the platform calls.
 */
@ApplicationScoped
public class RealmPerTenantIssuers implements TenantIssuers {

  @Inject
  @ConfigProperty(name = "roundtable.keycloak.public-url", defaultValue = "http://localhost:8180")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "roundtable.keycloak.internal-url", defaultValue = "http://localhost:8180")
  String internalUrl;

  @Override
  public Issuer issuerOf(Tenant tenant) {
    String issuer = strip(publicUrl) + "/realms/" + KeycloakHttp.segment(tenant.realm());
    String internal =
        strip(internalUrl)
            + "/realms/"
            + KeycloakHttp.segment(tenant.realm())
            + "/protocol/openid-connect";
    try {
      return new Issuer(
          issuer,
          URI.create(internal + "/certs").toURL(),
          URI.create(issuer + "/protocol/openid-connect/auth"),
          URI.create(internal + "/token"),
          URI.create(issuer + "/protocol/openid-connect/logout"));
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException("roundtable.keycloak.*-url is not a URL", e);
    }
  }

  private static String strip(String url) {
    return url.replaceAll("/+$", "");
  }
}
