package org.roundtable.api.plugin;

/**
 * A plugin's entry point: listed in {@code
 * META-INF/services/org.roundtable.api.plugin.PlatformPlugin} of its JAR and found with {@link
 * java.util.ServiceLoader} when the platform starts.
 *
 * @since 1.0.0
 */
public interface PlatformPlugin {

  /**
   * What the plugin is and what it contributes; called once at start.
   *
   * @return the plugin's descriptor
   * @since 1.0.0
   */
  PluginDescriptor descriptor();
}
