package org.roundtable.core.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.roundtable.api.events.EventListener;
import org.roundtable.api.events.PlatformEvent;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.plugin.PluginActivations;

/**
 * One delivery of one event to one listener, outside any HTTP request: in a request context of its
 * own (so request-scoped platform services work, audited as {@code system:events}), in one
 * transaction bound to the event's tenant together with the delivery row.
 */
@ApplicationScoped
public class ListenerInvocation {

  @Inject TenantTransactions transactions;
  @Inject EntityManager entityManager;
  @Inject PluginActivations activations;
  @Inject CurrentCaller caller;
  @Inject Clock clock;

  /** Delivers unless already delivered or the listener's plugin is off; returns 1 if delivered. */
  @ActivateRequestContext
  public int deliver(EventListener listener, String name, PlatformEvent event) {
    caller.actAsSystem("events");
    return transactions.inTenant(
        event.tenant(),
        () -> {
          if (!activations.isEnabled(listener.pluginId())
              || entityManager.find(EventDelivery.class, new EventDelivery.Key(event.id(), name))
                  != null) {
            return 0;
          }
          listener.on(event);
          entityManager.persist(new EventDelivery(event.id(), name, clock.instant()));
          return 1;
        });
  }
}
