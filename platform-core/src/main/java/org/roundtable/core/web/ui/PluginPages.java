package org.roundtable.core.web.ui;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.core.plugin.PluginActivations;
import org.roundtable.core.plugin.PluginCatalog;
import org.roundtable.core.tenancy.TenantBinding;

/**
 * Finds a plugin's page controller for {@code /{tenant}/{pluginId}/{page}}: only in a council that
 * has the plugin switched on; for any other the page does not exist (404).
 */
final class PluginPages {

  private PluginPages() {}

  static Object locate(
      PluginCatalog catalog, PluginActivations activations, String pluginId, String page) {
    if (TenantBinding.current().isEmpty()) {
      throw new NotFoundException();
    }
    PluginDescriptor plugin = catalog.find(pluginId).orElseThrow(NotFoundException::new);
    Class<?> type = plugin.pages().get(page);
    if (type == null || !activations.isEnabled(pluginId)) {
      throw new NotFoundException();
    }
    // From CDI itself (a client proxy): see PluginRouter.
    return CDI.current().select(type).get();
  }

  /** A plugin's first page: {@code /{tenant}/{pluginId}/}. */
  @jakarta.ws.rs.Path("{tenant}/{plugin}")
  public static class FirstPage {
    @Inject PluginCatalog catalog;
    @Inject PluginActivations activations;

    /** A sub-resource locator: the plugin's controller has the HTTP methods. */
    @jakarta.ws.rs.Path("/")
    public Object route(@jakarta.ws.rs.PathParam("plugin") String pluginId) {
      return locate(catalog, activations, pluginId, "");
    }
  }

  /** A plugin's other pages: {@code /{tenant}/{pluginId}/{page}/…}. */
  @jakarta.ws.rs.Path("{tenant}/{plugin}/{page}")
  public static class Page {
    @Inject PluginCatalog catalog;
    @Inject PluginActivations activations;

    /** A sub-resource locator: the plugin's controller has the HTTP methods. */
    @jakarta.ws.rs.Path("/")
    public Object route(
        @jakarta.ws.rs.PathParam("plugin") String pluginId,
        @jakarta.ws.rs.PathParam("page") String page) {
      return locate(catalog, activations, pluginId, page);
    }
  }
}
