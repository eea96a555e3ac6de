package org.roundtable.core.tenancy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a council's sign-in realm may be called: a plain word (it goes into Keycloak's addresses),
 * never Keycloak's own {@code master} realm. The operators' realm is refused where the setting that
 * names it is known (onboarding, tenant files); the database holds each realm to one tenant.
 */
public final class RealmNames {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  /** Keycloak's administration realm. */
  public static final String MASTER = "master";

  private RealmNames() {}

  /** What is wrong with a realm name, in plain words, if anything. */
  public static Optional<String> problem(String realm) {
    if (realm == null || !NAME.matcher(realm).matches()) {
      return Optional.of(
          "a realm name is 2 to 40 lower-case letters, digits or hyphens, starting with a letter");
    }
    if (realm.equals(MASTER)) {
      return Optional.of("the master realm is Keycloak's own, never a council's");
    }
    return Optional.empty();
  }
}
