package org.roundtable.core.events;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.roundtable.api.events.EventListener;
import org.roundtable.api.events.PlatformEvent;
import org.roundtable.core.persistence.DueWork;
import org.roundtable.core.persistence.DueWorkFamily;
import org.roundtable.core.persistence.DueWorkTable;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.persistence.WorkMetrics;
import org.roundtable.core.tenancy.TableChanged;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantRegistry;

/**
 * Does the work that is due, council by council, when the due-work table says so (ADR 0024): the
 * outbox's events, then the other {@link DueWork} (the mail outbox, resealing). It waits on one
 * dedicated PostgreSQL connection listening for {@code roundtable_due} (never a pooled one: a
 * pooled connection forgets its LISTEN when it goes back to the pool), so work marked due is picked
 * up at commit; between notifications it looks once every poll interval (a missed notification, a
 * retry's time). Each look is one statement, however many councils there are.
 *
 * <p>Events: each pending event goes to every listener that wants its type and whose plugin the
 * council has on. A listener runs in a transaction bound to the event's council, together with the
 * row that says it has handled the event; if it throws, or the process stops half-way, both roll
 * back and the event comes again (at least once). An event is done when every such listener has
 * handled it.
 */
@ApplicationScoped
public class EventDispatcher {

  private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());
  private static final int BATCH = 100;

  /** The due-work kind of the outbox's events. */
  public static final String EVENTS = "events";

  /** How soon events a listener failed on come again. */
  static final Duration RETRY = Duration.ofSeconds(5);

  /** How long a council's work that must wait for it to be resumed is put off. */
  static final Duration SUSPENDED = Duration.ofMinutes(5);

  @Resource ManagedThreadFactory threads;
  @Resource ManagedExecutorService executor;
  @Inject Event<TableChanged> changes;
  @Inject TenantRegistry registry;
  @Inject TenantTransactions transactions;
  @Inject EntityManager entityManager;
  @Inject Instance<EventListener> listeners;
  @Inject Instance<DueWork> otherWork;
  @Inject Instance<DueWorkFamily> families;
  @Inject ListenerInvocation invocation;
  @Inject DueWorkTable due;
  @Inject WorkMetrics metrics;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "roundtable.outbox.max-attempts", defaultValue = "16")
  int mostAttempts;

  @Inject
  @ConfigProperty(name = "roundtable.events.poll-millis", defaultValue = "2000")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "roundtable.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "roundtable.db.app-user")
  String user;

  @Inject
  @ConfigProperty(name = "roundtable.db.app-password")
  String password;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean wanted = new AtomicBoolean();
  private volatile boolean stopping;
  private Thread listening;

  /** Starts listening; called once the application is up. */
  @PostConstruct
  void start() {
    listening = threads.newThread(this::listen);
    listening.setName("roundtable-due-work");
    listening.setDaemon(true);
    listening.start();
  }

  /** Created (and so started) with the application, not on first use. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
    LOG.fine("Event dispatcher started");
  }

  @PreDestroy
  void stop() {
    stopping = true;
    if (listening != null) {
      listening.interrupt();
    }
  }

  /**
   * Listens on a connection of its own for work marked due and for changes to cached tables.
   * Changes are passed on at once ({@link TableChanged}, to the pod's caches); due work is done on
   * another thread, so a slow delivery never holds a change back. Without a notification, it looks
   * for due work once every poll interval. A lost connection is opened again, and then every cache
   * is dropped and the due work looked at (notifications sent meanwhile are lost).
   */
  private void listen() {
    while (!stopping) {
      try (Connection connection = DriverManager.getConnection(url, listenerProperties());
          Statement listen = connection.createStatement()) {
        listen.execute("LISTEN " + DueWorkTable.CHANNEL);
        listen.execute("LISTEN " + TableChanged.CHANNEL);
        PGConnection notifications = connection.unwrap(PGConnection.class);
        changes.fire(new TableChanged(TableChanged.EVERYTHING));
        wake();
        while (!stopping) {
          PGNotification[] received = notifications.getNotifications((int) pollMillis);
          boolean due = received == null || received.length == 0;
          for (PGNotification notification : received == null ? new PGNotification[0] : received) {
            if (notification.getName().equals(TableChanged.CHANNEL)) {
              changes.fire(new TableChanged(notification.getParameter()));
            } else {
              due = true;
            }
          }
          if (due) {
            wake();
          }
        }
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "Listening for due work failed; listening again in a second", e);
        pause(Duration.ofSeconds(1));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Listening for due work failed; trying again in a second", e);
        pause(Duration.ofSeconds(1));
      }
    }
  }

  /** Has the due work done on a worker thread: now, or right after the run under way. */
  private void wake() {
    wanted.set(true);
    if (running.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    try {
      while (wanted.getAndSet(false) && !stopping) {
        try {
          runDue();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Due work failed; tried again at the next look", e);
        }
      }
    } finally {
      running.set(false);
    }
    if (wanted.get() && !stopping) {
      wake();
    }
  }

  private Properties listenerProperties() {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("ApplicationName", "roundtable-due-work");
    properties.setProperty("connectTimeout", "2");
    properties.setProperty("tcpKeepAlive", "true");
    // Longer than a wait for notifications: a frozen server is noticed, a quiet one is not.
    properties.setProperty("socketTimeout", Long.toString(pollMillis / 1000 + 10));
    return properties;
  }

  private void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    }
  }

  /**
   * Claims what is due in every council and does it; returns how many units of work were done
   * (events delivered to listeners, emails sent, values resealed).
   */
  public int runDue() {
    int done = 0;
    List<DueWorkTable.Claim> claims;
    do {
      claims = due.claimDue(BATCH);
      for (DueWorkTable.Claim claim : claims) {
        done += run(claim);
      }
    } while (claims.size() == BATCH);
    return done;
  }

  private int run(DueWorkTable.Claim claim) {
    Optional<Tenant> tenant = registry.find(claim.tenant());
    if (tenant.isEmpty()) {
      due.finish(claim, Optional.empty());
      return 0;
    }
    Optional<DueWork> work = work(claim.kind());
    boolean events = claim.kind().equals(EVENTS);
    if (!events && work.isEmpty()) {
      LOG.warning(() -> "No work of the kind " + claim.kind() + " is installed; dropped");
      due.finish(claim, Optional.empty());
      return 0;
    }
    boolean runs = tenant.get().isActive() || (!events && work.get().alsoWhenSuspended());
    if (!runs) {
      due.finish(claim, Optional.of(SUSPENDED));
      return 0;
    }
    int done = 0;
    Optional<Duration> again;
    try {
      if (events) {
        done = deliverPending(tenant.get());
        again = eventsDueAgain(tenant.get(), done);
      } else {
        done = work.get().runDue(tenant.get());
        again = work.get().nextDue(tenant.get());
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          claim.kind() + " failed in " + claim.tenant() + "; tried again in " + RETRY,
          e);
      again = Optional.of(RETRY);
    }
    due.finish(claim, again);
    return done;
  }

  private Optional<DueWork> work(String kind) {
    for (DueWork work : otherWork) {
      if (work.kind().equals(kind)) {
        return Optional.of(work);
      }
    }
    for (DueWorkFamily family : families) {
      Optional<DueWork> work = family.work(kind);
      if (work.isPresent()) {
        return work;
      }
    }
    return Optional.empty();
  }

  /**
   * Due again at once while a full batch was delivered, when the soonest failed listener is to be
   * tried again, or not at all when nothing is pending.
   */
  private Optional<Duration> eventsDueAgain(Tenant tenant, int delivered) {
    Instant now = clock.instant();
    return transactions.inTenant(
        tenant.ref(),
        () -> {
          long ready =
              entityManager
                  .createQuery("SELECT COUNT(e) FROM OutboxEvent e WHERE " + READY, Long.class)
                  .setParameter("now", now)
                  .getSingleResult();
          if (ready >= BATCH && delivered > 0) {
            return Optional.of(Duration.ZERO);
          }
          Optional<Instant> retry =
              entityManager
                  .createQuery(
                      "SELECT f FROM EventFailure f WHERE f.failedAt IS NULL"
                          + " ORDER BY f.nextAttemptAt",
                      EventFailure.class)
                  .setMaxResults(1)
                  .getResultList()
                  .stream()
                  .findFirst()
                  .map(EventFailure::nextAttemptAt);
          if (retry.isPresent()) {
            Duration wait = Duration.between(now, retry.get());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
          }
          return ready > 0 ? Optional.of(RETRY) : Optional.<Duration>empty();
        });
  }

  /** An event pending, but for one whose failed listener is still waiting ({@code :now}). */
  private static final String READY =
      "e.done = false AND NOT EXISTS (SELECT f FROM EventFailure f WHERE f.eventId = e.id"
          + " AND f.failedAt IS NULL AND f.nextAttemptAt > :now)";

  /** Pending events, oldest first, but for those whose failed listener is still waiting. */
  private List<OutboxEvent> ready(Instant now) {
    return entityManager
        .createQuery(
            "SELECT e FROM OutboxEvent e WHERE " + READY + " ORDER BY e.occurredAt",
            OutboxEvent.class)
        .setParameter("now", now)
        .setMaxResults(BATCH)
        .getResultList();
  }

  /**
   * Delivers a batch of pending events to the listeners that want them. A listener that throws is
   * tried again later, with a growing wait, until it is given up ({@link EventFailure}); an event
   * is done when every listener has handled it or been given up on.
   */
  private int deliverPending(Tenant tenant) {
    Instant now = clock.instant();
    record Pending(List<OutboxEvent> events, Map<String, EventFailure> failures) {}
    Pending pending =
        transactions.inTenant(
            tenant.ref(),
            () -> {
              List<OutboxEvent> events = ready(now);
              Map<String, EventFailure> failures = new HashMap<>();
              if (!events.isEmpty()) {
                entityManager
                    .createQuery(
                        "SELECT f FROM EventFailure f WHERE f.eventId IN :events",
                        EventFailure.class)
                    .setParameter("events", events.stream().map(OutboxEvent::id).toList())
                    .getResultList()
                    .forEach(f -> failures.put(f.eventId() + " " + f.listener(), f));
              }
              return new Pending(events, failures);
            });
    int delivered = 0;
    for (OutboxEvent row : pending.events()) {
      PlatformEvent event =
          new PlatformEvent(
              row.id(), tenant.ref(), row.type(), parse(row.payload()), row.occurredAt());
      boolean settled = true;
      for (EventListener listener : listeners) {
        if (!listener.types().contains(event.type())) {
          continue;
        }
        String name = nameOf(listener);
        EventFailure failure = pending.failures().get(event.id() + " " + name);
        if (failure != null && failure.failedAt().isPresent()) {
          continue;
        }
        if (failure != null && !failure.dueBy(now)) {
          settled = false;
          continue;
        }
        try {
          delivered += invocation.deliver(listener, name, event);
          if (failure != null) {
            forget(tenant, failure);
          }
        } catch (RuntimeException e) {
          boolean givenUp = failed(tenant, event, name, e);
          settled &= givenUp;
          LOG.log(
              Level.WARNING,
              "Listener "
                  + name
                  + " failed on event "
                  + event.id()
                  + " of "
                  + tenant.slug()
                  + (givenUp ? "; given up, in the failed list" : "; it comes again"),
              e);
        }
      }
      if (settled) {
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

  /** Records a listener's failed attempt; returns whether it was its last. */
  private boolean failed(Tenant tenant, PlatformEvent event, String listener, Exception e) {
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    boolean givenUp =
        transactions.inTenant(
            tenant.ref(),
            () -> {
              EventFailure failure =
                  entityManager
                      .createQuery(
                          "SELECT f FROM EventFailure f WHERE f.eventId = :event"
                              + " AND f.listener = :listener",
                          EventFailure.class)
                      .setParameter("event", event.id())
                      .setParameter("listener", listener)
                      .getResultList()
                      .stream()
                      .findFirst()
                      .orElseGet(
                          () -> {
                            EventFailure first = new EventFailure(event.id(), listener);
                            entityManager.persist(first);
                            return first;
                          });
              return failure.failed(error, clock.instant(), mostAttempts);
            });
    if (givenUp) {
      metrics.deliveryGivenUp(EVENTS);
    } else {
      metrics.deliveryRetried(EVENTS);
    }
    return givenUp;
  }

  private void forget(Tenant tenant, EventFailure failure) {
    transactions.inTenant(
        tenant.ref(),
        () ->
            entityManager
                .createQuery("DELETE FROM EventFailure f WHERE f.id = :id")
                .setParameter("id", failure.id())
                .executeUpdate());
  }

  static String nameOf(EventListener listener) {
    return listener.pluginId() + ":" + listener.getClass().getName().replaceAll("\\$Proxy.*$", "");
  }

  private static JsonObject parse(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
