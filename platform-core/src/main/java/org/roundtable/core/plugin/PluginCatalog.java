package org.roundtable.core.plugin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.api.settings.Setting;
import org.roundtable.core.identity.InstalledPlugins;
import org.roundtable.steps.plugins.Plugins;

/**
 * The plugins this deployment holds (JARs in {@code WEB-INF/lib} with a {@code PlatformPlugin}
 * service), checked once at start: a set the platform cannot run stops the deployment with a
 * message naming the plugin.
 */
@ApplicationScoped
public class PluginCatalog implements InstalledPlugins {

  private static final Logger LOG = Logger.getLogger(PluginCatalog.class.getName());

  private List<PluginDescriptor> ordered;
  private Map<String, PluginDescriptor> byId;
  private final Map<Setting<?>, String> settingOwners = new IdentityHashMap<>();

  @PostConstruct
  void discover() {
    ordered = Plugins.discover(PluginCatalog.class.getClassLoader());
    byId = new LinkedHashMap<>();
    for (PluginDescriptor plugin : ordered) {
      byId.put(plugin.id(), plugin);
      plugin.settings().forEach(setting -> settingOwners.put(setting, plugin.id()));
    }
    LOG.info(() -> "Plugins: " + (ordered.isEmpty() ? "none" : ordered.toString()));
  }

  /** The installed plugins in start order. */
  public List<PluginDescriptor> all() {
    return ordered;
  }

  public Optional<PluginDescriptor> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The plugin that declared a setting (settings are told apart by identity). */
  public Optional<String> ownerOf(Setting<?> setting) {
    return Optional.ofNullable(settingOwners.get(setting));
  }
}
