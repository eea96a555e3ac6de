package org.roundtable.core.identity;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import org.roundtable.core.request.RequestPath;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.steps.access.EndpointAccess;

/**
 * Where an API request is authenticated. Deny by default: an endpoint answers only if it declares
 * who may call it ({@link EndpointAccess}), and then only an authenticated caller of the URL's
 * tenant unless it is declared public. A caller vouched for by another tenant is not authenticated
 * here. The operators' endpoints answer only at the operators' path, and nothing else does there.
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
    EndpointAccess access = EndpointAccess.of(resourceInfo);
    RequestPath path = RequestPath.of(request::getProperty);
    boolean operatorsPath = path.area() == RequestPath.Area.PLATFORM_API;
    if (access.kind() == EndpointAccess.Kind.UNDECLARED || access.isOperators() != operatorsPath) {
      // Nothing is reachable by omission, and the operators' endpoints only at their own path
      // (a council's endpoint reached at the operators' path, or the reverse, does not exist).
      throw new NotFoundException();
    }
    Tenant tenant =
        operatorsPath ? operators.realm() : (Tenant) request.getProperty(Tenant.REQUEST_ATTRIBUTE);
    Optional<Caller> caller;
    try {
      caller = authenticate(request, tenant);
    } catch (NotAuthenticatedException e) {
      throw new NotAuthorizedException(e.getMessage(), CHALLENGE);
    }
    if (caller.isPresent() && !caller.get().tenant().equals(tenant.ref())) {
      throw new NotAuthorizedException("These credentials are not for this council", CHALLENGE);
    }
    if (caller.isEmpty()) {
      if (access.isPublic()) {
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
