package org.roundtable.core.identity.internal;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.UUID;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.core.identity.AccessControl;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.identity.OperatorOnly;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.identity.Public;
import org.roundtable.core.identity.ResourceAnnotations;
import org.roundtable.core.rest.ProblemException;
import org.roundtable.core.tenancy.TenantBinding;

/** Checks an endpoint's {@link RequiresPermission} before its code runs: 403 without it. */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AuthorizationFilter implements ContainerRequestFilter {

  /** Request header naming the member an officer acts for. */
  public static final String ACTING_FOR = "Roundtable-Acting-For";

  @Context ResourceInfo resourceInfo;
  @Inject CurrentCaller currentCaller;
  @Inject AccessControl access;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resourceInfo.getResourceMethod();
    if (method == null) {
      return;
    }
    if (ResourceAnnotations.has(resourceInfo, OperatorOnly.class)) {
      if (!currentCaller.get().map(Operators::isOperator).orElse(false)) {
        throw new ForbiddenException("This is for the installation's operators only");
      }
      return;
    }
    if (TenantBinding.current().isEmpty() && !ResourceAnnotations.has(resourceInfo, Public.class)) {
      // A council's endpoint reached without a council (the operators' path): nothing is here.
      throw new NotFoundException();
    }
    ResourceAnnotations.find(resourceInfo, RequiresPermission.class)
        .ifPresent(required -> access.require(required.value()));
    String actingFor = request.getHeaderString(ACTING_FOR);
    if (actingFor != null) {
      UUID id;
      try {
        id = UUID.fromString(actingFor.strip());
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid(ACTING_FOR, "must be a member's id");
      }
      access.actFor(id);
    }
  }
}
