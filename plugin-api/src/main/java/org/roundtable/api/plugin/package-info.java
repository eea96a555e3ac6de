/**
 * How a plugin declares itself: a {@link org.roundtable.api.plugin.PlatformPlugin} service found
 * with {@link java.util.ServiceLoader}, returning an immutable {@link
 * org.roundtable.api.plugin.PluginDescriptor}.
 *
 * @since 1.0.0
 */
package org.roundtable.api.plugin;
