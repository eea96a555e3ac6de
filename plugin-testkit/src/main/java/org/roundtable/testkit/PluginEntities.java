package org.roundtable.testkit;

import jakarta.persistence.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.roundtable.api.persistence.TenantOwned;
import org.roundtable.steps.plugins.PersistentClasses;

/**
 * The second isolation lock, checked from a plugin's JAR: every entity is {@link TenantOwned} (so
 * the platform's persistence filter adds the tenant to every query and keeps its cache apart per
 * tenant) and maps to a table of the plugin's own changelog (which {@link TableCheck} holds to the
 * first lock).
 */
final class PluginEntities {

  private PluginEntities() {}

  /** What is wrong with the JAR's entities, in words; empty when nothing. */
  static List<String> problems(Path jar, List<String> tables) throws IOException {
    List<String> problems = new ArrayList<>();
    for (Class<?> entity : entitiesIn(jar)) {
      if (!entity.isAnnotationPresent(TenantOwned.class)) {
        problems.add(
            entity.getName() + ": an entity not marked @TenantOwned is shared by every council");
      }
      Table table = entity.getAnnotation(Table.class);
      String name =
          (table == null || table.name().isEmpty() ? entity.getSimpleName() : table.name())
              .toLowerCase(Locale.ROOT);
      if (!tables.contains(name)) {
        problems.add(
            entity.getName()
                + ": maps to "
                + name
                + ", which the plugin's changelog does not create");
      }
    }
    return problems;
  }

  /**
   * The entity classes of a plugin JAR: named by the assembly's own reading of its class files
   * ({@link PersistentClasses}), so the test checks what the platform will list; only those are
   * loaded.
   */
  static List<Class<?>> entitiesIn(Path jar) throws IOException {
    List<Class<?>> entities = new ArrayList<>();
    ClassLoader loader = PluginEntities.class.getClassLoader();
    for (String name : PersistentClasses.entitiesIn(jar)) {
      try {
        entities.add(Class.forName(name, false, loader));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(
            name + " is an entity in " + jar.getFileName() + " but not on the test's class path",
            e);
      }
    }
    return entities;
  }
}
