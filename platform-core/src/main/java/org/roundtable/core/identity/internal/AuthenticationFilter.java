package org.roundtable.core.identity.internal;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import org.roundtable.core.identity.Caller;
import org.roundtable.core.identity.CallerAuthenticator;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.identity.NotAuthenticatedException;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.identity.Public;
import org.roundtable.core.identity.ResourceAnnotations;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantBinding;
import org.roundtable.core.web.TenantResolutionFilter;

/**
 * Where a request is authenticated. Deny by default: an endpoint answers only an authenticated
 * caller of the URL's tenant, unless it is declared {@link Public}. A caller vouched for by another
 * tenant is not authenticated here.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  static final String CHALLENGE = "Bearer realm=\"roundtable\"";

  @Context ResourceInfo resourceInfo;
  @Inject Instance<CallerAuthenticator> authenticators;
  @Inject CurrentCaller currentCaller;
  @Inject Operators operators;

  @Override
  public void filter(ContainerRequestContext request) {
    boolean isPublic = isPublic();
    Optional<Tenant> tenant =
        TenantBinding.current().isPresent()
            ? Optional.ofNullable((Tenant) request.getProperty(TenantResolutionFilter.ATTRIBUTE))
            : operatorPath(request) ? Optional.of(operators.realm()) : Optional.empty();
    if (tenant.isEmpty()) {
      if (isPublic) {
        return;
      }
      throw new NotAuthorizedException("Sign-in is needed", CHALLENGE);
    }
    Optional<Caller> caller;
    try {
      caller = authenticate(request, tenant.get());
    } catch (NotAuthenticatedException e) {
      throw new NotAuthorizedException(e.getMessage(), CHALLENGE);
    }
    if (caller.isPresent() && !caller.get().tenant().equals(tenant.get().ref())) {
      throw new NotAuthorizedException("These credentials are not for this council", CHALLENGE);
    }
    if (caller.isEmpty()) {
      if (isPublic) {
        return;
      }
      throw new NotAuthorizedException("Sign-in is needed", CHALLENGE);
    }
    currentCaller.set(caller.get());
    request.setSecurityContext(new CallerSecurityContext(caller.get(), request));
  }

  private Optional<Caller> authenticate(ContainerRequestContext request, Tenant tenant) {
    for (CallerAuthenticator authenticator : authenticators) {
      Optional<Caller> caller = authenticator.authenticate(request, tenant);
      if (caller.isPresent()) {
        return caller;
      }
    }
    return Optional.empty();
  }

  private static boolean operatorPath(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    return path.equals("v1/platform") || path.startsWith("v1/platform/");
  }

  private boolean isPublic() {
    return ResourceAnnotations.has(resourceInfo, Public.class);
  }

  private record CallerSecurityContext(Caller caller, ContainerRequestContext request)
      implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
      return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
      return caller.roles().contains(role);
    }

    @Override
    public boolean isSecure() {
      return request.getSecurityContext().isSecure();
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
