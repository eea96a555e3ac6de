package org.roundtable.api.compatibility;

import java.io.IOException;
import java.io.OutputStream;
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

/** Small JARs for the compatibility tests: compiled from source text, or packed from a folder. */
final class Jars {

  private Jars() {}

  /** Compiles the sources (binary name → source text) into a JAR in the folder. */
  static Path compiled(Path folder, String name, Map<String, String> sources) throws IOException {
    Path sourceDir = Files.createDirectories(folder.resolve(name + "-src"));
    Path classes = Files.createDirectories(folder.resolve(name + "-classes"));
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("The test sources of " + name + " do not compile");
    }
    return packed(classes, folder.resolve(name + ".jar"));
  }

  /** Packs a folder of classes into a JAR. */
  static Path packed(Path classes, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> paths = Files.walk(classes)) {
      for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
        Files.copy(path, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
