package org.roundtable.api.events;

import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * Publishes events of the current tenant. Must be called inside a transaction: the event is written
 * with the change and delivered only if it commits.
 *
 * @since 1.0.0
 */
public interface Events {

  /**
   * Publishes an event in the current transaction.
   *
   * @param type e.g. {@code boards.meeting.scheduled}
   * @param payload its data
   * @return the event's id
   * @since 1.0.0
   */
  UUID publish(String type, JsonObject payload);
}
