package org.roundtable.core.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where people reach the platform ({@code roundtable.app.public-url}): the base of sign-in
 * redirects, links in emails and the redirect URIs registered in the realms.
 */
@ApplicationScoped
public class PublicAddress {

  @Inject
  @ConfigProperty(name = "roundtable.app.public-url", defaultValue = "http://localhost:8080")
  String url;

  /** The base address without a trailing slash, e.g. {@code https://roundtable.example}. */
  public String base() {
    return url.replaceAll("/+$", "");
  }

  /** A council's home page, e.g. {@code https://roundtable.example/kirklees/}. */
  public String home(Tenant tenant) {
    return base() + "/" + tenant.slug() + "/";
  }
}
