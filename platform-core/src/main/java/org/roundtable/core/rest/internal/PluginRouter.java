package org.roundtable.core.rest.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.core.plugin.PluginActivations;
import org.roundtable.core.request.ProblemException;

/**
 * Where plugins' endpoints live: {@code /api/v1/{tenant}/{pluginId}/{path}/...} leads to the
 * resource the plugin mounted at {@code path}, for a tenant that has the plugin switched on; for
 * any other tenant the plugin does not exist (404). Authentication and the permission check run on
 * the plugin's method as on the core's. One instance serves every request (it holds nothing of
 * one), as the plugins' resources do (ADR 0032).
 */
@ApplicationScoped
@Path("v1/{tenant}/{plugin}/{resource}")
public class PluginRouter implements org.roundtable.core.identity.PluginRoute {

  @Inject PluginActivations activations;

  /** A sub-resource locator (no HTTP method: the plugin's class has them). */
  @Path("/")
  public Object route(
      @PathParam("plugin") String pluginId, @PathParam("resource") String resource) {
    return activations
        .mounted(pluginId, PluginDescriptor::resources, resource)
        .orElseThrow(() -> ProblemException.notFound("This resource"));
  }
}
