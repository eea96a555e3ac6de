package org.roundtable.core.web.ui;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Optional;
import org.roundtable.core.identity.AccessControl;
import org.roundtable.core.identity.Caller;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.identity.session.SessionRefresh;
import org.roundtable.core.identity.session.WebSessions;
import org.roundtable.core.request.RequestPath;
import org.roundtable.core.request.SessionCookies;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.steps.access.EndpointAccess;

/**
 * Who is asking for a page: the browser session of this council (the cookie is scoped to the
 * council's pages, the session to its rows). A page is reachable only if it declares who may call
 * it ({@link EndpointAccess}) and its path leads to the right area: a council's page to a council,
 * an operators' page to the operators' area, where the operator is checked on every request.
 * Without a session, a page asks the person to sign in and brings them back afterwards; a
 * permission is checked as for the API (403 page). An officer acting for a member is checked again
 * on every request.
 */
@Priority(Priorities.AUTHENTICATION)
public class WebAccess implements ContainerRequestFilter {

  @Context ResourceInfo resourceInfo;
  @Context jakarta.ws.rs.core.UriInfo uriInfo;
  @Context HttpServletRequest servletRequest;
  @Inject WebSessions sessions;
  @Inject SessionRefresh refresh;
  @Inject CurrentCaller currentCaller;
  @Inject AccessControl access;

  @Override
  public void filter(ContainerRequestContext request) {
    EndpointAccess rule = EndpointAccess.of(resourceInfo);
    RequestPath path = RequestPath.of(servletRequest);
    if (!fits(rule, path.area())) {
      // Nothing by omission; a council's page never without its council; the operators' pages
      // only at their own path.
      throw new NotFoundException();
    }
    if (!(servletRequest.getAttribute(Tenant.REQUEST_ATTRIBUTE) instanceof Tenant)) {
      return; // the shared assets: public, no council, nobody to find
    }
    Tenant tenant = (Tenant) servletRequest.getAttribute(Tenant.REQUEST_ATTRIBUTE);
    Optional<String> key =
        sessions.isAvailable()
            ? SessionCookies.value(servletRequest, SessionCookies.SESSION)
            : Optional.empty();
    // The session, following Keycloak: refreshed when due, ended if Keycloak refuses.
    Optional<WebSessions.SignedIn> signedIn =
        key.flatMap(sessions::find).flatMap(s -> refresh.current(tenant, key.get(), s));
    if (signedIn.isEmpty()) {
      if (!rule.isPublic()) {
        request.abortWith(signIn(request));
      }
      return;
    }
    Caller caller = signedIn.get().caller();
    currentCaller.set(caller);
    if (rule.isOperators() && !Operators.isOperator(caller)) {
      throw new ForbiddenException("This is for the installation's operators only");
    }
    signedIn.get().actingFor().ifPresent(this::stillActingFor);
    access.requireEndpoint(rule, resourceInfo, uriInfo);
  }

  /** Whether a page's rule may be reached in the area its path leads to. */
  static boolean fits(EndpointAccess rule, RequestPath.Area area) {
    return switch (rule.kind()) {
      case UNDECLARED -> false;
      case OPERATORS -> area == RequestPath.Area.OPERATOR_PAGE;
      case PUBLIC -> area == RequestPath.Area.TENANT_PAGE || area == RequestPath.Area.ASSETS;
      case SIGNED_IN, PERMISSION -> area == RequestPath.Area.TENANT_PAGE;
    };
  }

  private void stillActingFor(java.util.UUID member) {
    try {
      access.actFor(member);
    } catch (org.roundtable.api.errors.DomainException | jakarta.ws.rs.ForbiddenException e) {
      // No longer allowed (a sign-in of their own, a role taken away): act for nobody.
      SessionCookies.value(servletRequest, SessionCookies.SESSION)
          .ifPresent(key -> sessions.actFor(key, Optional.empty()));
    }
  }

  private Response signIn(ContainerRequestContext request) {
    Tenant tenant = (Tenant) servletRequest.getAttribute(Tenant.REQUEST_ATTRIBUTE);
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
