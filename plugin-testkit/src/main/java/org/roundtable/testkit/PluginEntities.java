package org.roundtable.testkit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.roundtable.api.persistence.TenantOwned;

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

  /** The entity classes of a plugin JAR (its shaded libraries are not loaded). */
  static List<Class<?>> entitiesIn(Path jar) throws IOException {
    List<Class<?>> entities = new ArrayList<>();
    ClassLoader loader = PluginEntities.class.getClassLoader();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (ZipEntry entry : file.stream().toList()) {
        String name = entry.getName();
        if (!name.endsWith(".class")
            || name.contains("/lib/")
            || name.endsWith("module-info.class")) {
          continue;
        }
        try {
          Class<?> type =
              Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
          if (type.isAnnotationPresent(Entity.class)) {
            entities.add(type);
          }
        } catch (ClassNotFoundException | LinkageError e) {
          // Not loadable here (an optional part of a library): not an entity of the plugin.
        }
      }
    }
    return entities;
  }
}
