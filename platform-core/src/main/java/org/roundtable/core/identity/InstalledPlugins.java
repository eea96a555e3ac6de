package org.roundtable.core.identity;

import java.util.List;
import org.roundtable.api.plugin.PluginDescriptor;

/**
 * The plugins installed, as roles and permissions need them (each brings its own): the plugin
 * runtime, above this layer, fills it ({@code PluginCatalog}).
 */
public interface InstalledPlugins {

  /** Every installed plugin's descriptor. */
  List<PluginDescriptor> all();
}
