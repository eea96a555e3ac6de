package org.roundtable.core.web.ui;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.core.plugin.PluginActivations;

/**
 * Finds a plugin's page controller for {@code /{tenant}/{pluginId}/{page}}: only in a council that
 * has the plugin switched on; for any other the page does not exist (404).
 */
final class PluginPages {

  private PluginPages() {}

  static Object locate(PluginActivations activations, String pluginId, String page) {
    return activations
        .mounted(pluginId, PluginDescriptor::pages, page)
        .orElseThrow(NotFoundException::new);
  }

  /** A plugin's first page: {@code /{tenant}/{pluginId}/}. */
  @jakarta.ws.rs.Path("{tenant}/{plugin}")
  public static class FirstPage implements org.roundtable.core.identity.PluginRoute {
    @Inject PluginActivations activations;

    /** A sub-resource locator: the plugin's controller has the HTTP methods. */
    @jakarta.ws.rs.Path("/")
    public Object route(@jakarta.ws.rs.PathParam("plugin") String pluginId) {
      return locate(activations, pluginId, "");
    }
  }

  /** A plugin's other pages: {@code /{tenant}/{pluginId}/{page}/…}. */
  @jakarta.ws.rs.Path("{tenant}/{plugin}/{page}")
  public static class Page implements org.roundtable.core.identity.PluginRoute {
    @Inject PluginActivations activations;

    /** A sub-resource locator: the plugin's controller has the HTTP methods. */
    @jakarta.ws.rs.Path("/")
    public Object route(
        @jakarta.ws.rs.PathParam("plugin") String pluginId,
        @jakarta.ws.rs.PathParam("page") String page) {
      return locate(activations, pluginId, page);
    }
  }
}
