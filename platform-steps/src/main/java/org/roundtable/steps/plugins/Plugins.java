package org.roundtable.steps.plugins;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.roundtable.api.PluginApi;
import org.roundtable.api.plugin.PlatformPlugin;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.steps.migration.ChangelogSet;

/**
 * Finds the plugins on a class path and checks that the platform can run them together: the one
 * check the assembly, the migrator and the application's start all make, so a bad set is refused as
 * early as possible and always with the same message.
 */
public final class Plugins {

  private Plugins() {}

  /**
   * The plugins a class loader offers ({@code META-INF/services/...PlatformPlugin}), checked and in
   * the order they start and migrate: every plugin after those it depends on.
   *
   * @throws PluginProblem naming the plugin when one cannot run here
   */
  public static List<PluginDescriptor> discover(ClassLoader loader) {
    List<PluginDescriptor> found = new ArrayList<>();
    try {
      for (PlatformPlugin plugin : ServiceLoader.load(PlatformPlugin.class, loader)) {
        try {
          found.add(plugin.descriptor());
        } catch (RuntimeException e) {
          throw new PluginProblem(
              "The plugin "
                  + plugin.getClass().getName()
                  + " has an invalid descriptor: "
                  + e.getMessage(),
              e);
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new PluginProblem("A plugin could not be loaded: " + e.getMessage(), e);
    }
    return checkedInOrder(found, PluginApi.VERSION);
  }

  /**
   * Checks a set of plugins against the platform's API version and each other.
   *
   * @throws PluginProblem naming the plugin when one cannot run here
   */
  public static List<PluginDescriptor> checkedInOrder(
      List<PluginDescriptor> plugins, String apiVersion) {
    Map<String, PluginDescriptor> byId = new LinkedHashMap<>();
    for (PluginDescriptor plugin : plugins) {
      if (ReservedSlugs.isReserved(plugin.id())) {
        throw new PluginProblem(
            "The plugin id '"
                + plugin.id()
                + "' is reserved for the platform's own paths: rename"
                + " the plugin");
      }
      PluginDescriptor clash = byId.putIfAbsent(plugin.id(), plugin);
      if (clash != null) {
        throw new PluginProblem(
            "Two plugins have the id '"
                + plugin.id()
                + "' ("
                + clash.version()
                + " and "
                + plugin.version()
                + "): remove one");
      }
      if (!plugin.apiRange().contains(apiVersion)) {
        throw new PluginProblem(
            "The plugin '"
                + plugin.id()
                + "' "
                + plugin.version()
                + " needs plugin API "
                + plugin.apiRange()
                + ", but this platform provides "
                + apiVersion);
      }
    }
    Map<String, String> entityNames = new LinkedHashMap<>();
    // A tool without the persistence API cannot read entity names (the launcher has it).
    List<PluginDescriptor> named = persistenceApiPresent() ? plugins : List.of();
    for (PluginDescriptor plugin : named) {
      for (Class<?> entity : plugin.entities()) {
        String name = entityName(entity);
        String other = entityNames.putIfAbsent(name, plugin.id());
        if (other != null) {
          throw new PluginProblem(
              "The plugins '"
                  + other
                  + "' and '"
                  + plugin.id()
                  + "' both have an entity named '"
                  + name
                  + "' ("
                  + entity.getName()
                  + "): every plugin shares one persistence unit, so each entity name must be"
                  + " unique; name one with @Entity(name = \""
                  + plugin.id().replace("-", "")
                  + name
                  + "\")");
        }
      }
    }
    for (PluginDescriptor plugin : plugins) {
      for (String needed : plugin.dependencies()) {
        if (!byId.containsKey(needed)) {
          throw new PluginProblem(
              "The plugin '"
                  + plugin.id()
                  + "' needs the plugin '"
                  + needed
                  + "', which is not installed: add it to the assembly");
        }
      }
    }
    return ordered(byId);
  }

  /**
   * Whether this process can read {@code @Entity} (the application, the launcher and tests can).
   */
  private static boolean persistenceApiPresent() {
    try {
      Class.forName("jakarta.persistence.Entity", false, Plugins.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The name JPA knows an entity by: {@code @Entity(name)}, else the class's simple name. */
  private static String entityName(Class<?> entity) {
    jakarta.persistence.Entity annotation = entity.getAnnotation(jakarta.persistence.Entity.class);
    return annotation == null || annotation.name().isEmpty()
        ? entity.getSimpleName()
        : annotation.name();
  }

  /** The changelogs to run: the core's, then each plugin's in order, each with its own history. */
  public static List<ChangelogSet> changelogs(List<PluginDescriptor> ordered) {
    List<ChangelogSet> changelogs = new ArrayList<>(ChangelogSet.platform());
    for (PluginDescriptor plugin : ordered) {
      plugin
          .changelog()
          .ifPresent(
              path ->
                  changelogs.add(
                      new ChangelogSet(
                          path, "plugin_" + plugin.id().replace('-', '_') + "_changelog")));
    }
    return changelogs;
  }

  private static List<PluginDescriptor> ordered(Map<String, PluginDescriptor> byId) {
    Map<String, Integer> waitingFor = new LinkedHashMap<>();
    byId.values().forEach(p -> waitingFor.put(p.id(), p.dependencies().size()));
    Deque<String> ready = new ArrayDeque<>(new TreeSet<>(idsWithNone(waitingFor)));
    List<PluginDescriptor> ordered = new ArrayList<>();
    while (!ready.isEmpty()) {
      String id = ready.removeFirst();
      ordered.add(byId.get(id));
      waitingFor.remove(id);
      TreeSet<String> next = new TreeSet<>();
      for (PluginDescriptor plugin : byId.values()) {
        if (waitingFor.containsKey(plugin.id()) && plugin.dependencies().contains(id)) {
          int left = waitingFor.merge(plugin.id(), -1, Integer::sum);
          if (left == 0) {
            next.add(plugin.id());
          }
        }
      }
      ready.addAll(next);
    }
    if (!waitingFor.isEmpty()) {
      throw new PluginProblem(
          "The plugins "
              + new TreeSet<>(waitingFor.keySet())
              + " depend on each other in a cycle: no order can start them");
    }
    return List.copyOf(ordered);
  }

  private static List<String> idsWithNone(Map<String, Integer> waitingFor) {
    return waitingFor.entrySet().stream()
        .filter(e -> e.getValue() == 0)
        .map(Map.Entry::getKey)
        .toList();
  }
}
