package org.roundtable.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A third party's plugin, built as its author would: one class compiled against the plugin API
 * alone (from this JVM's class path), packed with its service entry and {@code beans.xml}. For
 * tests of the assembly step an operator uses to add a plugin without rebuilding the core.
 */
public final class ThirdPartyPlugin {

  private ThirdPartyPlugin() {}

  /**
   * Builds {@code <work>/<id>.jar}.
   *
   * @param work a folder for the sources, classes and the JAR
   * @param id the plugin's id
   * @param apiRange the plugin API versions it asks for, e.g. {@code [1.0,2.0)}
   */
  public static Path build(Path work, String id, String apiRange) throws IOException {
    String className = className(id);
    return PluginJar.build(
        work,
        id,
        Map.of("example." + className, pluginSource(className, id, apiRange, "")),
        "example." + className,
        Map.of());
  }

  private static String className(String id) {
    return "Plugin" + Character.toUpperCase(id.charAt(0)) + id.substring(1);
  }

  /** The plugin's class, its descriptor built with {@code more} before {@code build()}. */
  private static String pluginSource(String className, String id, String apiRange, String more) {
    return """
        package example;

        import org.roundtable.api.plugin.PlatformPlugin;
        import org.roundtable.api.plugin.PluginDescriptor;

        public class %s implements PlatformPlugin {
          @Override
          public PluginDescriptor descriptor() {
            return PluginDescriptor.builder("%s")
                .name("A third party's plugin")
                .version("0.1.0")
                .requiresApi("%s")%s
                .build();
          }
        }
        """
        .formatted(className, id, apiRange, more);
  }

  /**
   * Builds {@code <work>/<id>.jar} with an entity it declares, an embeddable it does not declare
   * and a class that is neither: what the assembly must list in the persistence unit.
   *
   * @param work a folder for the sources, classes and the JAR
   * @param id the plugin's id
   */
  public static Path buildWithEntities(Path work, String id) throws IOException {
    String className = className(id);
    return PluginJar.build(
        work,
        id,
        Map.of(
            "example." + className,
            pluginSource(
                className, id, "[1.0,2.0)", "\n        .entities(example.domain.Greeting.class)"),
            "example.domain.Greeting",
            """
            package example.domain;

            import jakarta.persistence.Embedded;
            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import java.util.UUID;

            @Entity(name = "ThirdPartyGreeting")
            public class Greeting {
              @Id UUID id;
              @Embedded Wording wording;
            }
            """,
            "example.domain.Wording",
            """
            package example.domain;

            import jakarta.persistence.Embeddable;

            @Embeddable
            public class Wording {
              String text;
            }
            """,
            "example.domain.Greetings",
            """
            package example.domain;

            public final class Greetings {
              private Greetings() {}
            }
            """),
        "example." + className,
        Map.of());
  }

  /**
   * Builds {@code <work>/<id>.jar} declaring the changelog {@code db/<id>/changelog.xml}, holding
   * {@code changelog} there; or nothing there when {@code changelog} is null.
   */
  public static Path buildWithChangelog(Path work, String id, String changelog) throws IOException {
    String className = className(id);
    String path = "db/" + id + "/changelog.xml";
    return PluginJar.build(
        work,
        id,
        Map.of(
            "example." + className,
            pluginSource(className, id, "[1.0,2.0)", "\n        .changelog(\"" + path + "\")")),
        "example." + className,
        changelog == null ? Map.of() : Map.of(path, changelog));
  }
}
