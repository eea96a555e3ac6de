package org.roundtable.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

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
    String className = "Plugin" + Character.toUpperCase(id.charAt(0)) + id.substring(1);
    Path sources = Files.createDirectories(work.resolve(id + "-src/example"));
    Path classes = Files.createDirectories(work.resolve(id + "-classes"));
    Files.writeString(
        sources.resolve(className + ".java"),
        """
        package example;

        import org.roundtable.api.plugin.PlatformPlugin;
        import org.roundtable.api.plugin.PluginDescriptor;

        public class %s implements PlatformPlugin {
          @Override
          public PluginDescriptor descriptor() {
            return PluginDescriptor.builder("%s")
                .name("A third party's plugin")
                .version("0.1.0")
                .requiresApi("%s")
                .build();
          }
        }
        """
            .formatted(className, id, apiRange));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int status =
        compiler.run(
            null,
            null,
            null,
            "-classpath",
            System.getProperty("java.class.path"),
            "-d",
            classes.toString(),
            sources.resolve(className + ".java").toString());
    if (status != 0) {
      throw new IllegalStateException("The test plugin " + id + " does not compile");
    }
    Path jar = work.resolve(id + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      add(
          out,
          "example/" + className + ".class",
          Files.readAllBytes(classes.resolve("example/" + className + ".class")));
      add(
          out,
          "META-INF/services/org.roundtable.api.plugin.PlatformPlugin",
          ("example." + className + "\n").getBytes(StandardCharsets.UTF_8));
      add(
          out,
          "META-INF/beans.xml",
          "<beans bean-discovery-mode=\"annotated\"/>".getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }

  private static void add(JarOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    ((OutputStream) out).write(content);
    out.closeEntry();
  }
}
