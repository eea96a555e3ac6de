package org.roundtable.core.identity;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.roundtable.core.request.ProblemException;
import org.roundtable.steps.access.EndpointAccess;

/**
 * Checks an endpoint's declared rule ({@link EndpointAccess}) before its code runs: 403 without it.
 * An officer acting for someone ({@value #ACTING_FOR}) is checked as acting for them: only what
 * that person may do themselves ({@link AccessControl#actFor}).
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AuthorizationFilter implements ContainerRequestFilter {

  /** Request header naming the member an officer acts for. */
  public static final String ACTING_FOR = "Roundtable-Acting-For";

  @Context ResourceInfo resourceInfo;
  @Context UriInfo uriInfo;
  @Inject CurrentCaller currentCaller;
  @Inject AccessControl access;

  @Override
  public void filter(ContainerRequestContext request) {
    EndpointAccess rule = EndpointAccess.of(resourceInfo);
    switch (rule.kind()) {
      case OPERATORS -> {
        if (!currentCaller.get().map(Operators::isOperator).orElse(false)) {
          throw new ForbiddenException("This is for the installation's operators only");
        }
        return;
      }
      case UNDECLARED -> throw new NotFoundException();
      default -> {
        // Checked below, once acting for someone has narrowed what the caller may do.
      }
    }
    String actingFor = request.getHeaderString(ACTING_FOR);
    if (actingFor != null && access.isGuestOnly()) {
      throw new ForbiddenException("Guests act for nobody");
    }
    if (actingFor != null) {
      UUID id;
      try {
        id = UUID.fromString(actingFor.strip());
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid(ACTING_FOR, "must be a member's id");
      }
      access.actFor(id);
    }
    access.requireEndpoint(rule, resourceInfo, uriInfo);
  }
}
