package org.roundtable.core.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one SMTP relay configuration ({@code roundtable.mail.*}): the platform's own mail uses it,
 * and every tenant realm is provisioned with it, so Keycloak's emails leave the same way.
 */
@ApplicationScoped
public class MailSettings {

  @Inject
  @ConfigProperty(name = "roundtable.mail.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "roundtable.mail.port", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "roundtable.mail.from", defaultValue = "roundtable@localhost")
  String from;

  @Inject
  @ConfigProperty(name = "roundtable.mail.starttls", defaultValue = "false")
  boolean starttls;

  @Inject
  @ConfigProperty(name = "roundtable.mail.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "roundtable.mail.password")
  Optional<String> password;

  public Optional<String> host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String from() {
    return from;
  }

  public boolean starttls() {
    return starttls;
  }

  public Optional<String> user() {
    return user;
  }

  public Optional<String> password() {
    return password;
  }
}
