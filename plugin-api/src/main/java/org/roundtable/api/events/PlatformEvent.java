package org.roundtable.api.events;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.api.tenancy.TenantRef;

/**
 * Something that happened in a tenant, as listeners receive it.
 *
 * @param id unique per event: a listener that has seen it ignores it again
 * @param tenant the tenant it happened in
 * @param type e.g. {@code participation.recorded}
 * @param payload its data
 * @param occurredAt when it was published
 * @since 1.0.0
 */
public record PlatformEvent(
    UUID id, TenantRef tenant, String type, JsonObject payload, Instant occurredAt) {

  /**
   * Checks the event.
   *
   * @since 1.0.0
   */
  public PlatformEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }
}
