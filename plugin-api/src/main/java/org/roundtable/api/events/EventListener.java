package org.roundtable.api.events;

import java.util.Set;

/**
 * Receives events after their transaction committed: a CDI bean of a plugin implementing this
 * interface. Delivery is at least once, so handling must be idempotent. The tenant is bound while
 * {@link #on} runs; a listener of a plugin switched off for that tenant is not called.
 *
 * @since 1.0.0
 */
public interface EventListener {

  /**
   * @return the id of the plugin it belongs to (its switch decides whether it runs for a tenant)
   * @since 1.0.0
   */
  String pluginId();

  /**
   * @return the event types it wants
   * @since 1.0.0
   */
  Set<String> types();

  /**
   * Handles one event; runs in a transaction of its own, bound to the event's tenant. Throwing
   * makes the platform deliver it again later.
   *
   * @param event the event
   * @since 1.0.0
   */
  void on(PlatformEvent event);
}
