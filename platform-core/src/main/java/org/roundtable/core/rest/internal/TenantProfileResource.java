package org.roundtable.core.rest.internal;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.roundtable.api.security.Public;
import org.roundtable.core.request.ProblemException;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantRegistry;

/** A tenant's public profile: its name and the plugins it has switched on. */
@Path("v1/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class TenantProfileResource {

  @Inject TenantRegistry registry;
  @Inject EntityManager entityManager;

  /**
   * @param slug the tenant's slug
   * @param displayName the council's name
   * @param plugins the plugins switched on, by id
   */
  public record TenantProfile(String slug, String displayName, List<String> plugins) {}

  @GET
  @Public
  @Transactional
  @SecurityRequirements
  @Operation(summary = "The council's public profile")
  @APIResponse(responseCode = "200", description = "The profile")
  @APIResponse(responseCode = "404", description = "No such council (or it is suspended)")
  public TenantProfile profile(@PathParam("tenant") String slug) {
    Tenant tenant =
        registry.findActive(slug).orElseThrow(() -> ProblemException.notFound("This council"));
    List<String> plugins =
        entityManager
            .createQuery(
                "SELECT p.pluginId FROM PluginActivation p WHERE p.enabled = TRUE ORDER BY p.pluginId",
                String.class)
            .getResultList();
    return new TenantProfile(tenant.slug(), tenant.displayName(), plugins);
  }
}
