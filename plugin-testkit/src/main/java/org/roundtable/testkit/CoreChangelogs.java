package org.roundtable.testkit;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.roundtable.steps.migration.ChangelogSet;
import org.roundtable.steps.migration.WarChangelogs;

/**
 * Where the migrator finds the core's changelogs: in a plugin's build, inside the core WAR ({@code
 * roundtable.test.core-war}, its {@code WEB-INF/classes/db/}); in the core's own build, on the
 * class path already. The plugins' changelogs are on the class path either way.
 */
final class CoreChangelogs {

  private CoreChangelogs() {}

  static URLClassLoader loader() throws IOException {
    ClassLoader tests = CoreChangelogs.class.getClassLoader();
    String war = System.getProperty("roundtable.test.core-war");
    if (war == null || tests.getResource(ChangelogSet.CORE.path()) != null) {
      return new URLClassLoader(new URL[0], tests);
    }
    Path folder = Path.of(System.getProperty("java.io.tmpdir"), "core-changelogs");
    WarChangelogs.copyOut(Path.of(war), folder);
    return new URLClassLoader(new URL[] {folder.toUri().toURL()}, tests);
  }
}
