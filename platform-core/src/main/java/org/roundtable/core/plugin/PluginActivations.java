package org.roundtable.core.plugin;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.events.Events;
import org.roundtable.api.events.PlatformEvents;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.api.settings.Setting;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.api.web.FormErrors;
import org.roundtable.core.audit.AuditLog;
import org.roundtable.core.identity.PermissionGrants;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.tenancy.ChangeAwareCache;
import org.roundtable.core.tenancy.TableChanged;
import org.roundtable.core.tenancy.TenantBinding;

/**
 * Which plugins the current tenant has switched on, with their settings. Each pod keeps the
 * councils' switches once read and drops them when a change is announced (ADR 0025), so a switch
 * made on one pod holds on every other within a second. Switched off, a plugin keeps its data;
 * switched on again, it is all there.
 */
@ApplicationScoped
public class PluginActivations {

  @Inject EntityManager entityManager;
  @Inject PluginCatalog catalog;
  @Inject PermissionGrants grants;
  @Inject AuditLog audit;
  @Inject Events events;
  @Inject Clock clock;
  @Inject TenantTransactions transactions;

  /** A plugin as the current tenant has it. */
  public record State(PluginDescriptor plugin, boolean enabled, JsonObject settings) {}

  /** The beans of plugins' API resources and page controllers, by type. */
  private final Map<Class<?>, Instance<?>> contributions = new ConcurrentHashMap<>();

  /** The plugins each council has on, as this pod last read them (ADR 0025). */
  private final ChangeAwareCache<String, Set<String>> switchedOn =
      new ChangeAwareCache<>(Set.of("plugin_activation"));

  /**
   * Whether the current tenant has the plugin switched on (read in a transaction when this pod does
   * not hold the tenant's plugins).
   */
  public boolean isEnabled(String pluginId) {
    Optional<TenantRef> tenant = TenantBinding.current();
    if (tenant.isEmpty() || catalog.find(pluginId).isEmpty()) {
      return false;
    }
    return switchedOn
        .get(
            tenant.get().slug(),
            () ->
                transactions.joined(
                    () ->
                        Set.copyOf(
                            entityManager
                                .createQuery(
                                    "SELECT a.pluginId FROM PluginActivation a"
                                        + " WHERE a.enabled = true",
                                    String.class)
                                .getResultList())))
        .contains(pluginId);
  }

  /**
   * A change announced by PostgreSQL (at once), or made by this pod (once it commits, {@link
   * org.roundtable.core.tenancy.CachedRowChanges}).
   */
  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TableChanged change) {
    switchedOn.changed(change.table());
  }

  /**
   * A plugin's contribution mounted at a path — an API resource or a page controller — as a CDI
   * bean (a client proxy), for a tenant that has the plugin switched on; empty for any other (for
   * them the plugin does not exist). One rule for the API's and the pages' routers.
   *
   * @param mounts the descriptor's mounts to look in ({@code PluginDescriptor::resources} or {@code
   *     ::pages})
   */
  public Optional<Object> mounted(
      String pluginId,
      java.util.function.Function<PluginDescriptor, Map<String, Class<?>>> mounts,
      String path) {
    if (TenantBinding.current().isEmpty()) {
      return Optional.empty();
    }
    return catalog
        .find(pluginId)
        .map(plugin -> mounts.apply(plugin).get(path))
        .filter(type -> isEnabled(pluginId))
        // From CDI itself: Jersey's own instantiation does not reach CDI beans of plugin JARs
        // once the WAR has two JAX-RS applications (the API and the pages). Looked up once a
        // type: CDI.current() walks the caller's stack on every call.
        .map(type -> contributions.computeIfAbsent(type, t -> CDI.current().select(t)).get());
  }

  /** Every installed plugin as the current tenant has it. */
  @Transactional
  public List<State> all() {
    List<State> states = new ArrayList<>();
    for (PluginDescriptor plugin : catalog.all()) {
      PluginActivation activation = entityManager.find(PluginActivation.class, plugin.id());
      states.add(
          new State(
              plugin,
              activation != null && activation.enabled(),
              activation == null ? JsonValue.EMPTY_JSON_OBJECT : parse(activation.settings())));
    }
    return states;
  }

  /** The current tenant's stored settings of a plugin (only values changed from the defaults). */
  @Transactional
  public JsonObject settings(String pluginId) {
    PluginActivation activation = entityManager.find(PluginActivation.class, pluginId);
    return activation == null ? JsonValue.EMPTY_JSON_OBJECT : parse(activation.settings());
  }

  /**
   * Switches a plugin on or off for the current tenant and replaces its settings, audited. The
   * first switch on grants the plugin's permissions their default roles.
   *
   * @throws org.roundtable.api.errors.DomainException 404 for an unknown plugin, 400 listing every
   *     invalid setting
   */
  @Transactional
  public State change(String pluginId, boolean enabled, Optional<JsonObject> settings) {
    PluginDescriptor plugin =
        catalog.find(pluginId).orElseThrow(() -> new NotFound("The plugin " + pluginId));
    PluginActivation activation = entityManager.find(PluginActivation.class, pluginId);
    JsonObject checked =
        settings.isPresent()
            ? validated(plugin, settings.get())
            : activation == null ? JsonValue.EMPTY_JSON_OBJECT : parse(activation.settings());
    boolean wasEnabled = activation != null && activation.enabled();
    if (activation == null) {
      activation = new PluginActivation(pluginId, enabled, checked.toString(), clock.instant());
      entityManager.persist(activation);
    } else {
      activation.switchTo(enabled, checked.toString(), clock.instant());
    }
    if (enabled) {
      grants.grantPluginDefaults(plugin);
    }
    entityManager.flush();
    if (enabled != wasEnabled) {
      audit.record(enabled ? "plugin.enabled" : "plugin.disabled", "plugin", pluginId, null);
    }
    if (enabled && !wasEnabled) {
      // Its listeners were not called while it was off: this tells them to catch up.
      events.publish(
          PlatformEvents.PLUGIN_ENABLED,
          JSON.createObjectBuilder().add("pluginId", pluginId).build());
    }
    if (settings.isPresent()) {
      audit.record("plugin.settings-changed", "plugin", pluginId, checked.toString());
    }
    return new State(plugin, enabled, checked);
  }

  /**
   * Checks settings against the plugin's declarations: every key declared, every value valid; dated
   * settings as a list of {@code {"from": "2027-04-01", "value": ...}}.
   */
  public static JsonObject validated(PluginDescriptor plugin, JsonObject settings) {
    Map<String, Setting<?>> declared = new TreeMap<>();
    plugin.settings().forEach(s -> declared.put(s.key(), s));
    FormErrors errors = new FormErrors();
    JsonObjectBuilder clean = JSON.createObjectBuilder();
    for (Map.Entry<String, JsonValue> entry : settings.entrySet()) {
      Setting<?> setting = declared.get(entry.getKey());
      String field = "settings." + entry.getKey();
      if (setting == null) {
        errors.add(field, "is not a setting of " + plugin.id());
        continue;
      }
      try {
        clean.add(entry.getKey(), checkedValue(setting, entry.getValue()));
      } catch (IllegalArgumentException e) {
        errors.add(field, e.getMessage());
      }
    }
    errors.refuseIfAny();
    return clean.build();
  }

  private static <T> JsonValue checkedValue(Setting<T> setting, JsonValue value) {
    if (!setting.isDated()) {
      return setting.type().write(setting.type().read(value));
    }
    if (!(value instanceof JsonArray periods)) {
      throw new IllegalArgumentException(
          "must be a list of {\"from\": \"2027-04-01\", \"value\": ...}");
    }
    TreeMap<LocalDate, JsonValue> byDay = new TreeMap<>();
    for (JsonValue period : periods) {
      if (!(period instanceof JsonObject dated)
          || !dated.containsKey("from")
          || !dated.containsKey("value")) {
        throw new IllegalArgumentException(
            "must be a list of {\"from\": \"2027-04-01\", \"value\": ...}");
      }
      LocalDate from;
      try {
        from = LocalDate.parse(dated.getString("from"));
      } catch (ClassCastException | DateTimeParseException e) {
        throw new IllegalArgumentException("has a 'from' that is not a date such as 2027-04-01");
      }
      T checked = setting.type().read(dated.get("value"));
      if (byDay.put(from, setting.type().write(checked)) != null) {
        throw new IllegalArgumentException("has two values from " + from);
      }
    }
    var array = JSON.createArrayBuilder();
    byDay.forEach(
        (from, v) ->
            array.add(JSON.createObjectBuilder().add("from", from.toString()).add("value", v)));
    return array.build();
  }

  public static JsonObject parse(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
