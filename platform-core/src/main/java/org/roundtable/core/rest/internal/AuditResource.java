package org.roundtable.core.rest.internal;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.core.audit.AuditEntry;
import org.roundtable.core.audit.AuditLog;
import org.roundtable.core.identity.Permissions;
import org.roundtable.core.request.ProblemException;

/** The council's audit log: every write, who made it, when, and on whose behalf. */
@Path("v1/{tenant}/audit")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(Permissions.AUDIT_READ)
public class AuditResource {

  @Inject AuditLog audit;

  /** One audit entry as the API shows it. */
  public record AuditView(
      UUID id,
      Instant occurredAt,
      String actor,
      UUID onBehalfOf,
      String action,
      String resourceType,
      String resourceId,
      String requestId,
      String details) {

    static AuditView of(AuditEntry e) {
      return new AuditView(
          e.id(),
          e.occurredAt(),
          e.actor(),
          e.onBehalfOf(),
          e.action(),
          e.resourceType(),
          e.resourceId(),
          e.requestId(),
          e.details());
    }
  }

  @GET
  @Operation(summary = "The newest audit entries first, optionally about one resource")
  public List<AuditView> list(
      @QueryParam("resource") String resourceId,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return audit
        .newest(
            ProblemException.inRange("limit", limit, 1, 1000),
            Optional.ofNullable(resourceId).filter(r -> !r.isBlank()))
        .stream()
        .map(AuditView::of)
        .toList();
  }
}
