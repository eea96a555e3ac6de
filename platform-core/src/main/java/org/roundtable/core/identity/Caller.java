package org.roundtable.core.identity;

import java.security.Principal;
import java.util.Set;
import org.roundtable.api.tenancy.TenantRef;

/**
 * Who is calling: an authenticated person of one tenant, with the platform roles they hold there.
 *
 * @param tenant the tenant whose identity realm vouched for the caller
 * @param subject stable identifier from the identity provider
 * @param displayName the caller's name, for audit views
 * @param roles platform roles ({@code tenant-admin}, {@code officer}, {@code member}, {@code
 *     finance})
 */
public record Caller(TenantRef tenant, String subject, String displayName, Set<String> roles)
    implements Principal {

  public Caller {
    roles = Set.copyOf(roles);
  }

  @Override
  public String getName() {
    return subject;
  }
}
