package org.roundtable.core.rest.internal;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.core.plugin.PluginActivations;
import org.roundtable.core.plugin.PluginCatalog;
import org.roundtable.core.rest.ProblemException;
import org.roundtable.core.tenancy.TenantBinding;

/**
 * Where plugins' endpoints live: {@code /api/v1/{tenant}/{pluginId}/{path}/...} leads to the
 * resource the plugin mounted at {@code path}, for a tenant that has the plugin switched on; for
 * any other tenant the plugin does not exist (404). Authentication and the permission check run on
 * the plugin's method as on the core's.
 */
@Path("v1/{tenant}/{plugin}/{resource}")
public class PluginRouter {

  @Inject PluginCatalog catalog;
  @Inject PluginActivations activations;

  /** A sub-resource locator (no HTTP method: the plugin's class has them). */
  @Path("/")
  public Object route(
      @PathParam("plugin") String pluginId, @PathParam("resource") String resource) {
    if (TenantBinding.current().isEmpty()) {
      throw ProblemException.notFound("This resource");
    }
    PluginDescriptor plugin =
        catalog.find(pluginId).orElseThrow(() -> ProblemException.notFound("This resource"));
    Class<?> type = plugin.resources().get(resource);
    if (type == null || !activations.isEnabled(pluginId)) {
      throw ProblemException.notFound("This resource");
    }
    // From CDI itself: Jersey's own instantiation does not reach CDI beans of plugin JARs once the
    // WAR has two JAX-RS applications (the API and the pages).
    return CDI.current().select(type).get();
  }
}
