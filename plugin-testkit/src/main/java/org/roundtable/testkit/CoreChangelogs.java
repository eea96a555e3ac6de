package org.roundtable.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.roundtable.steps.migration.ChangelogSet;

/**
 * Where the migrator finds the core's changelogs: in a plugin's build, inside the core WAR ({@code
 * roundtable.test.core-war}, its {@code WEB-INF/classes/db/}); in the core's own build, on the
 * class path already. The plugins' changelogs are on the class path either way.
 */
final class CoreChangelogs {

  private static final String PREFIX = "WEB-INF/classes/";

  private CoreChangelogs() {}

  static URLClassLoader loader() throws IOException {
    ClassLoader tests = CoreChangelogs.class.getClassLoader();
    String war = System.getProperty("roundtable.test.core-war");
    if (war == null || tests.getResource(ChangelogSet.CORE.path()) != null) {
      return new URLClassLoader(new URL[0], tests);
    }
    Path folder = Path.of(System.getProperty("java.io.tmpdir"), "core-changelogs");
    try (JarFile file = new JarFile(war)) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.isDirectory() || !entry.getName().startsWith(PREFIX + "db/")) {
          continue;
        }
        Path target = folder.resolve(entry.getName().substring(PREFIX.length())).normalize();
        if (!target.startsWith(folder)) {
          throw new IOException("Unexpected entry in the core WAR: " + entry.getName());
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return new URLClassLoader(new URL[] {folder.toUri().toURL()}, tests);
  }
}
