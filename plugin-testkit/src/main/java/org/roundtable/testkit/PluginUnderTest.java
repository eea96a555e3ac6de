package org.roundtable.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.roundtable.api.plugin.PlatformPlugin;
import org.roundtable.api.plugin.PluginDescriptor;

/**
 * The plugin a module's build tests: the last JAR of {@code roundtable.test.plugin-jar} (the
 * plugins it needs come first), which the plugin parent sets to the module's own JAR.
 */
public final class PluginUnderTest {

  static final String PLUGIN_JARS = "roundtable.test.plugin-jar";

  private PluginUnderTest() {}

  /** Whether this run tests a plugin (not the core). */
  public static boolean present() {
    return System.getProperty(PLUGIN_JARS) != null;
  }

  /** Its descriptor, read from the service its JAR declares. */
  public static PluginDescriptor descriptor() {
    return descriptorOf(jar());
  }

  /** The descriptor of a plugin JAR, read from the service it declares. */
  static PluginDescriptor descriptorOf(Path jar) {
    String service = "META-INF/services/" + PlatformPlugin.class.getName();
    try (JarFile file = new JarFile(jar.toFile())) {
      ZipEntry entry = file.getEntry(service);
      if (entry == null) {
        throw new IllegalStateException(jar + " declares no " + service);
      }
      String className;
      try (InputStream in = file.getInputStream(entry)) {
        className =
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(jar + ": " + service + " is empty"));
      }
      return ((PlatformPlugin)
              Class.forName(className, true, PluginUnderTest.class.getClassLoader())
                  .getDeclaredConstructor()
                  .newInstance())
          .descriptor();
    } catch (IOException | ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read the plugin under test from " + jar, e);
    }
  }

  /** The tables its changelog creates (none when it has no changelog). */
  public static List<String> tables() {
    return descriptor()
        .changelog()
        .map(path -> ChangelogTables.of(PluginUnderTest.class.getClassLoader(), path))
        .orElse(List.of());
  }

  private static Path jar() {
    List<Path> all = jars();
    return all.get(all.size() - 1);
  }

  /** Every plugin JAR of the run: those the plugin under test needs, then its own. */
  static List<Path> jars() {
    String jars = System.getProperty(PLUGIN_JARS);
    if (jars == null) {
      throw new IllegalStateException(
          PLUGIN_JARS + " is not set: inherit roundtable-plugin-parent");
    }
    return Arrays.stream(jars.split(","))
        .map(String::strip)
        .filter(jar -> !jar.isEmpty())
        .map(Path::of)
        .toList();
  }
}
