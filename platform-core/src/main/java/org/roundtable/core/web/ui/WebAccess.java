package org.roundtable.core.web.ui;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.lang.reflect.Method;
import java.util.Optional;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.core.identity.AccessControl;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.identity.OperatorOnly;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.identity.Public;
import org.roundtable.core.identity.ResourceAnnotations;
import org.roundtable.core.identity.session.WebSessions;
import org.roundtable.core.rest.ProblemException;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.web.SessionCookies;
import org.roundtable.core.web.TenantResolutionFilter;

/**
 * Who is asking for a page: the browser session of this council (the cookie is scoped to the
 * council's pages, the session to its rows). Without one, a page asks the person to sign in and
 * brings them back afterwards; {@link RequiresPermission} is checked as for the API (403 page). An
 * officer acting for a member is checked again on every request.
 */
@Priority(Priorities.AUTHENTICATION)
public class WebAccess implements ContainerRequestFilter {

  @Context ResourceInfo resourceInfo;
  @Context HttpServletRequest servletRequest;
  @Inject WebSessions sessions;
  @Inject CurrentCaller currentCaller;
  @Inject AccessControl access;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resourceInfo.getResourceMethod();
    if (method == null
        || !(servletRequest.getAttribute(TenantResolutionFilter.ATTRIBUTE) instanceof Tenant)) {
      return;
    }
    boolean isPublic = ResourceAnnotations.has(resourceInfo, Public.class);
    Optional<WebSessions.SignedIn> signedIn =
        sessions.isAvailable()
            ? SessionCookies.value(servletRequest, SessionCookies.SESSION).flatMap(sessions::find)
            : Optional.empty();
    if (signedIn.isEmpty()) {
      if (!isPublic) {
        request.abortWith(signIn(request));
      }
      return;
    }
    currentCaller.set(signedIn.get().caller());
    if (ResourceAnnotations.has(resourceInfo, OperatorOnly.class)
        && !Operators.isOperator(signedIn.get().caller())) {
      throw new jakarta.ws.rs.ForbiddenException("This is for the installation's operators only");
    }
    signedIn.get().actingFor().ifPresent(this::stillActingFor);
    ResourceAnnotations.find(resourceInfo, RequiresPermission.class)
        .ifPresent(required -> access.require(required.value()));
  }

  private void stillActingFor(java.util.UUID member) {
    try {
      access.actFor(member);
    } catch (ProblemException | jakarta.ws.rs.ForbiddenException e) {
      // No longer allowed (a sign-in of their own, a role taken away): act for nobody.
      SessionCookies.value(servletRequest, SessionCookies.SESSION)
          .ifPresent(key -> sessions.actFor(key, Optional.empty()));
    }
  }

  private Response signIn(ContainerRequestContext request) {
    Tenant tenant = (Tenant) servletRequest.getAttribute(TenantResolutionFilter.ATTRIBUTE);
    String back = servletRequest.getRequestURI();
    if (request.getMethod().equals("GET") && servletRequest.getQueryString() != null) {
      back += "?" + servletRequest.getQueryString();
    }
    return Response.seeOther(
            UriBuilder.fromPath(servletRequest.getContextPath())
                .path(tenant.slug())
                .path("login")
                .queryParam("return", "{back}")
                .build(back))
        .header("Cache-Control", "no-store")
        .build();
  }
}
