package org.roundtable.core.rest.internal;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.core.identity.PermissionGrants;
import org.roundtable.core.identity.Permissions;

/** Who may do what in this council: the permissions and the roles that hold them. */
@Path("v1/{tenant}/permissions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresPermission(Permissions.TENANT_MANAGE)
public class PermissionResource {

  @Inject PermissionGrants grants;

  /**
   * A permission and the roles holding it here.
   *
   * @param name {@code core:<resource>:<action>}
   * @param description what it allows
   * @param roles the roles holding it in this council
   */
  public record PermissionView(String name, String description, Set<String> roles) {}

  /** The roles that should hold a permission (a class: see MemberResource.MemberRequest). */
  public static class RolesRequest {
    @NotNull(message = "list the roles, or send an empty list")
    public Set<@NotNull String> roles;
  }

  @GET
  @Operation(summary = "Every permission and the roles that hold it in this council")
  public List<PermissionView> list() {
    return grants.all().entrySet().stream()
        .map(e -> new PermissionView(e.getKey().name(), e.getKey().description(), e.getValue()))
        .toList();
  }

  @PUT
  @Path("{permission}")
  @Operation(summary = "Choose the roles that hold a permission in this council")
  @APIResponse(responseCode = "404", description = "No such permission")
  @APIResponse(responseCode = "409", description = "It would lock the administrators out")
  public PermissionView replace(
      @PathParam("permission") String permission,
      @NotNull(message = "send the roles as JSON") @Valid RolesRequest request) {
    Set<String> roles = grants.replace(permission, request.roles);
    Permissions.Definition definition = grants.definition(permission).orElseThrow();
    return new PermissionView(definition.name(), definition.description(), roles);
  }
}
