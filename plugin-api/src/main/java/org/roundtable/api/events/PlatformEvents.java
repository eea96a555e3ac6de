package org.roundtable.api.events;

/**
 * Event types the platform itself publishes (besides participation's, in {@link
 * org.roundtable.api.participation.ParticipationRecords}).
 *
 * @since 1.1.0
 */
public final class PlatformEvents {

  /**
   * A tenant switched a plugin on (first time or again); the payload's {@code pluginId} names it.
   * Delivered to the listeners of that plugin: the moment to catch up with what happened while it
   * was off (its listeners were not called then).
   *
   * @since 1.1.0
   */
  public static final String PLUGIN_ENABLED = "platform.plugin.enabled";

  private PlatformEvents() {}
}
