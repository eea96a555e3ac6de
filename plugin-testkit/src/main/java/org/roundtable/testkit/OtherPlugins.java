package org.roundtable.testkit;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.roundtable.api.plugin.PlatformPlugin;

/** Where a class comes from, and whether that JAR or folder is a plugin's. */
final class OtherPlugins {

  private static final String SERVICE = "META-INF/services/" + PlatformPlugin.class.getName();
  private static final Map<URL, Boolean> PLUGINS = new ConcurrentHashMap<>();

  private OtherPlugins() {}

  /** The JAR or class folder a class was loaded from; empty for the JDK's and unloadable ones. */
  static Optional<URL> locationOf(JavaClass type) {
    if (type.isPrimitive() || type.isArray()) {
      return Optional.empty();
    }
    try {
      CodeSource source = type.reflect().getProtectionDomain().getCodeSource();
      return Optional.ofNullable(source).map(CodeSource::getLocation);
    } catch (RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** Whether the JAR or folder declares a plugin. */
  static boolean isPlugin(URL location) {
    return PLUGINS.computeIfAbsent(
        location,
        url -> {
          try (URLClassLoader only = new URLClassLoader(new URL[] {url}, null)) {
            return only.findResource(SERVICE) != null;
          } catch (IOException e) {
            return false;
          }
        });
  }
}
