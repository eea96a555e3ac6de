package org.roundtable.core.identity;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import org.roundtable.core.tenancy.Tenant;

/**
 * A way a request can prove who is calling, for the tenant in its URL. The authentication filter
 * asks every CDI bean of this type; none answering means 401 on any endpoint not declared {@link
 * Public}.
 */
public interface CallerAuthenticator {

  /**
   * @param request the request, before any resource code runs
   * @param tenant the tenant fixed from the URL (for the operators' API, the operators' realm)
   * @return the caller, or empty if this mechanism finds no credentials it recognises
   * @throws NotAuthenticatedException if credentials are present but not valid
   */
  Optional<Caller> authenticate(ContainerRequestContext request, Tenant tenant);
}
