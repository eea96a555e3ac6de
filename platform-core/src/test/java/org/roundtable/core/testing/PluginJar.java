package org.roundtable.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * TEST ONLY: a plugin JAR built as its author would, from source text compiled against the plugin
 * API alone (this JVM's class path), with its service entry, {@code beans.xml} and any resources.
 */
final class PluginJar {

  private PluginJar() {}

  /**
   * Builds {@code <work>/<name>.jar}.
   *
   * @param sources source text by binary class name ({@code example.MyPlugin})
   * @param pluginClass the {@code PlatformPlugin} the service entry names
   * @param resources other files of the JAR, by path
   */
  static Path build(
      Path work,
      String name,
      Map<String, String> sources,
      String pluginClass,
      Map<String, String> resources)
      throws IOException {
    Path sourceDir = Files.createDirectories(work.resolve(name + "-src"));
    Path classes = Files.createDirectories(work.resolve(name + "-classes"));
    List<String> arguments =
        new ArrayList<>(
            List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("The test plugin " + name + " does not compile");
    }
    Path jar = work.resolve(name + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> compiled = Files.walk(classes)) {
      for (Path file : compiled.filter(Files::isRegularFile).sorted().toList()) {
        add(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
      add(out, "META-INF/services/org.roundtable.api.plugin.PlatformPlugin", pluginClass + "\n");
      add(out, "META-INF/beans.xml", "<beans bean-discovery-mode=\"annotated\"/>");
      for (Map.Entry<String, String> resource : resources.entrySet()) {
        add(out, resource.getKey(), resource.getValue());
      }
    }
    return jar;
  }

  private static void add(JarOutputStream out, String name, String content) throws IOException {
    add(out, name, content.getBytes(StandardCharsets.UTF_8));
  }

  private static void add(JarOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    ((OutputStream) out).write(content);
    out.closeEntry();
  }
}
