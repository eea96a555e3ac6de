package org.roundtable.core.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.roundtable.api.events.Events;
import org.roundtable.core.tenancy.TenantBinding;

/**
 * {@link Events} through the outbox: the event is a row written in the caller's transaction, so it
 * exists exactly when the change does; {@link EventDispatcher} delivers it after commit (the
 * table's trigger marks it due, ADR 0024).
 */
@ApplicationScoped
public class OutboxEvents implements Events {

  @Inject EntityManager entityManager;
  @Inject Clock clock;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID publish(String type, JsonObject payload) {
    TenantBinding.current()
        .orElseThrow(() -> new IllegalStateException("Events are published in a tenant"));
    UUID id = UUID.randomUUID();
    entityManager.persist(new OutboxEvent(id, type, payload.toString(), clock.instant()));
    return id;
  }
}
