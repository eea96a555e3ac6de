package org.roundtable.core.events;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.api.events.EventListener;
import org.roundtable.api.events.PlatformEvent;
import org.roundtable.core.persistence.DueWork;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantRegistry;

/**
 * Delivers the outbox after commit, tenant by tenant (there is no all-tenants connection): each
 * pending event goes to every listener that wants its type and whose plugin the tenant has on. A
 * listener runs in a transaction bound to the event's tenant, together with the row that says it
 * has handled the event; if it throws, or the process stops half-way, both roll back and the event
 * comes again (at least once). An event is done when every such listener has handled it.
 */
@ApplicationScoped
public class EventDispatcher {

  private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());
  private static final int BATCH = 100;

  @Resource ManagedScheduledExecutorService executor;
  @Inject TenantRegistry registry;
  @Inject TenantTransactions transactions;
  @Inject EntityManager entityManager;
  @Inject Instance<EventListener> listeners;
  @Inject Instance<DueWork> otherWork;
  @Inject ListenerInvocation invocation;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "roundtable.events.poll-millis", defaultValue = "500")
  long pollMillis;

  private final AtomicBoolean running = new AtomicBoolean();
  private ScheduledFuture<?> schedule;

  /** Starts polling; called once the application is up. */
  @PostConstruct
  void start() {
    schedule =
        executor.scheduleWithFixedDelay(
            this::deliverSafely, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  /** Created (and so started) with the application, not on first use. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
    LOG.fine("Event dispatcher started");
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }

  private void deliverSafely() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      deliverPending();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Event delivery failed; retrying at the next poll", e);
    } finally {
      running.set(false);
    }
  }

  /**
   * Delivers what is pending in every active tenant, then the other due work (the mail outbox);
   * returns how many deliveries were made.
   */
  public int deliverPending() {
    int delivered = 0;
    for (Tenant tenant : registry.all()) {
      if (tenant.isActive()) {
        delivered += deliverPending(tenant);
      }
      for (DueWork work : otherWork) {
        if (tenant.isActive() || work.alsoWhenSuspended()) {
          try {
            work.runDue(tenant);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Due work failed in " + tenant.slug() + "; retrying", e);
          }
        }
      }
    }
    return delivered;
  }

  private int deliverPending(Tenant tenant) {
    List<OutboxEvent> pending =
        transactions.inTenant(
            tenant.ref(),
            () ->
                entityManager
                    .createQuery(
                        "SELECT e FROM OutboxEvent e WHERE e.done = false ORDER BY e.occurredAt",
                        OutboxEvent.class)
                    .setMaxResults(BATCH)
                    .getResultList());
    int delivered = 0;
    for (OutboxEvent row : pending) {
      PlatformEvent event =
          new PlatformEvent(
              row.id(), tenant.ref(), row.type(), parse(row.payload()), row.occurredAt());
      boolean all = true;
      for (EventListener listener : listeners) {
        if (!listener.types().contains(event.type())) {
          continue;
        }
        String name = nameOf(listener);
        try {
          delivered += invocation.deliver(listener, name, event);
        } catch (RuntimeException e) {
          all = false;
          LOG.log(
              Level.WARNING,
              "Listener "
                  + name
                  + " failed on event "
                  + event.id()
                  + " of "
                  + tenant.slug()
                  + "; it comes again",
              e);
        }
      }
      if (all) {
        transactions.inTenant(
            tenant.ref(),
            () -> {
              entityManager.find(OutboxEvent.class, row.id()).markDone();
              return null;
            });
      }
    }
    return delivered;
  }

  static String nameOf(EventListener listener) {
    return listener.pluginId() + ":" + listener.getClass().getName().replaceAll("\\$Proxy.*$", "");
  }

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
