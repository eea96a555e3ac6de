package org.roundtable.testkit;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** The test-only classes the module's {@link PlatformTest}s deploy, added to the application. */
final class DeployedForTests {

  private static final String API_RESOURCES = "WEB-INF/classes/META-INF/roundtable/api-resources";

  private DeployedForTests() {}

  /** Every class named by a {@link PlatformTest} of the plan. */
  static Set<Class<?>> in(TestPlan plan) {
    Set<Class<?>> classes = new LinkedHashSet<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier test : plan.getDescendants(root)) {
        test.getSource()
            .filter(ClassSource.class::isInstance)
            .map(source -> ((ClassSource) source).getJavaClass())
            .map(type -> type.getAnnotation(PlatformTest.class))
            .ifPresent(annotation -> classes.addAll(Set.of(annotation.deploy())));
      }
    }
    return classes;
  }

  /**
   * Adds the classes (with their nested classes) to the WAR's {@code WEB-INF/classes}, and names
   * the endpoints among them where the API reads extra resources.
   */
  static void addTo(java.nio.file.Path war, Set<Class<?>> classes) throws IOException {
    if (classes.isEmpty()) {
      return;
    }
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + war.toUri()), Map.of())) {
      StringBuilder endpoints = new StringBuilder();
      for (Class<?> type : classes) {
        for (String entry : classFilesOf(type)) {
          java.nio.file.Path target = zip.getPath("WEB-INF/classes/" + entry);
          Files.createDirectories(target.getParent());
          try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
        }
        if (type.isAnnotationPresent(Path.class)) {
          endpoints.append(type.getName()).append('\n');
        }
      }
      if (!endpoints.isEmpty()) {
        java.nio.file.Path list = zip.getPath(API_RESOURCES);
        Files.createDirectories(list.getParent());
        Files.writeString(
            list,
            endpoints,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    }
  }

  /** The class file of a class and of its nested and anonymous classes, as resource names. */
  private static Set<String> classFilesOf(Class<?> type) throws IOException {
    String own = type.getName().replace('.', '/');
    String folder = own.substring(0, own.lastIndexOf('/') + 1);
    String simple = own.substring(folder.length());
    Set<String> files = new LinkedHashSet<>();
    java.nio.file.Path home;
    try {
      home =
          java.nio.file.Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    if (Files.isDirectory(home)) {
      try (Stream<java.nio.file.Path> siblings = Files.list(home.resolve(folder))) {
        siblings
            .map(p -> p.getFileName().toString())
            .filter(name -> name.equals(simple + ".class") || name.startsWith(simple + "$"))
            .forEach(name -> files.add(folder + name));
      }
    } else {
      try (java.util.jar.JarFile jar = new java.util.jar.JarFile(home.toFile())) {
        jar.stream()
            .map(java.util.zip.ZipEntry::getName)
            .filter(
                name ->
                    name.equals(own + ".class")
                        || (name.startsWith(own + "$") && name.endsWith(".class")))
            .forEach(files::add);
      }
    }
    return files;
  }
}
