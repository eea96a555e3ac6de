package org.roundtable.steps.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.roundtable.api.PluginApi;
import org.roundtable.api.plugin.PlatformPlugin;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.steps.files.Folders;
import org.roundtable.steps.migration.ChangelogReader;
import org.roundtable.steps.migration.ExpectedChangesets;
import org.roundtable.steps.migration.MigrationException;
import org.roundtable.steps.migration.WarChangelogs;

/**
 * Builds the deployable application from the core WAR and a set of plugin JARs — the one assembly
 * step the run command, the tests, the plugin testkit and the container image use (plugins are
 * never added to Payara's class path: CDI, JAX-RS and JPA only see what is inside the application).
 * Each plugin goes into {@code WEB-INF/lib/<id>.jar} and its persistent classes (every entity,
 * embeddable, mapped superclass and converter in the JAR, listed in its descriptor or not) join the
 * persistence unit as {@code <class>} entries: a {@code <jar-file>} entry would have the provider
 * read every class in the JAR at each start, shaded libraries and all (ADR 0036). The changesets of
 * the core's and the plugins' changelogs are listed in {@value ExpectedChangesets#WAR_ENTRY}, for
 * the application's schema check without Liquibase (ADR 0041). The set is checked first, exactly as
 * at start.
 */
public final class Assembly {

  private static final String PERSISTENCE = "WEB-INF/classes/META-INF/persistence.xml";

  private Assembly() {}

  /** What was assembled. */
  public record Result(Path war, List<PluginDescriptor> plugins) {}

  /**
   * Writes {@code target}: the core WAR with the plugins in it.
   *
   * @throws PluginProblem naming the plugin when the set cannot run
   */
  public static Result assemble(Path coreWar, List<Path> pluginJars, Path target)
      throws IOException {
    Map<String, Path> jarsById = new LinkedHashMap<>();
    List<PluginDescriptor> plugins;
    try (URLClassLoader loader = loaderOf(pluginJars)) {
      Map<String, Path> found = new LinkedHashMap<>();
      List<PluginDescriptor> descriptors = new ArrayList<>();
      for (Path jar : pluginJars) {
        for (String name : providersListedIn(jar)) {
          PluginDescriptor descriptor;
          try {
            descriptor =
                ((PlatformPlugin)
                        Class.forName(name, true, loader).getDeclaredConstructor().newInstance())
                    .descriptor();
          } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new PluginProblem(
                jar.getFileName() + " lists the plugin " + name + ", which cannot be loaded: " + e,
                e);
          } catch (RuntimeException e) {
            throw new PluginProblem(
                "The plugin "
                    + name
                    + " in "
                    + jar.getFileName()
                    + " has an invalid descriptor: "
                    + e.getMessage(),
                e);
          }
          descriptors.add(descriptor);
          found.putIfAbsent(descriptor.id(), jar);
        }
      }
      plugins = Plugins.checkedInOrder(descriptors, PluginApi.VERSION);
      for (PluginDescriptor plugin : plugins) {
        requireBeansXml(plugin, found.get(plugin.id()));
        jarsById.put(plugin.id(), found.get(plugin.id()));
      }
    }
    List<String> persistentClasses = new ArrayList<>();
    for (Path jar : jarsById.values()) {
      persistentClasses.addAll(PersistentClasses.in(jar));
    }
    byte[] changesets = changesetList(coreWar, List.copyOf(jarsById.values()), plugins);
    Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "assembly", ".war");
    try (ZipFile core = new ZipFile(coreWar.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temporary))) {
      // Entry times come from the core WAR (built reproducibly), never the clock: the same inputs
      // give the same bytes, so an image holding the assembled WAR is reproducible.
      long stamp = 0;
      Enumeration<? extends ZipEntry> entries = core.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        stamp = Math.max(stamp, entry.getTime());
        if (entry.getName().equals(ExpectedChangesets.WAR_ENTRY)) {
          continue;
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        try (InputStream in = core.getInputStream(entry)) {
          if (entry.getName().equals(PERSISTENCE)) {
            out.write(
                withPluginClasses(
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), persistentClasses)
                    .getBytes(StandardCharsets.UTF_8));
          } else {
            in.transferTo(out);
          }
        }
        out.closeEntry();
      }
      ZipEntry list = new ZipEntry(ExpectedChangesets.WAR_ENTRY);
      list.setTime(stamp);
      out.putNextEntry(list);
      out.write(changesets);
      out.closeEntry();
      for (Map.Entry<String, Path> jar : jarsById.entrySet()) {
        ZipEntry entry = new ZipEntry("WEB-INF/lib/" + jar.getKey() + ".jar");
        entry.setTime(stamp);
        out.putNextEntry(entry);
        Files.copy(jar.getValue(), (OutputStream) out);
        out.closeEntry();
      }
    }
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    return new Result(target, plugins);
  }

  /**
   * The list of the changesets of the core's changelogs, as {@code coreWar} holds them, and the
   * plugins'.
   *
   * @throws PluginProblem naming a changelog that cannot be read
   */
  private static byte[] changesetList(
      Path coreWar, List<Path> pluginJars, List<PluginDescriptor> plugins) throws IOException {
    Path folder = Files.createTempDirectory("roundtable-changelogs");
    try {
      WarChangelogs.copyOut(coreWar, folder);
      List<URL> urls = new ArrayList<>(List.of(folder.toUri().toURL()));
      for (Path jar : pluginJars) {
        urls.add(jar.toUri().toURL());
      }
      // Above the JDK's classes only: the changelogs read are the WAR's and the plugins', never
      // another copy on the class path of whoever assembles.
      try (URLClassLoader loader =
          new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
        return ChangelogReader.expected(loader, Plugins.changelogs(plugins))
            .write()
            .getBytes(StandardCharsets.UTF_8);
      }
    } catch (MigrationException e) {
      throw new PluginProblem(
          e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()), e);
    } finally {
      Folders.delete(folder);
    }
  }

  /** The plugins' JARs in a class loader above the platform's classes. */
  public static URLClassLoader loaderOf(List<Path> pluginJars) throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (Path jar : pluginJars) {
      urls.add(jar.toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(URL[]::new), Assembly.class.getClassLoader());
  }

  /** Lists the plugins' persistent classes after the core's own {@code <class>} entries. */
  static String withPluginClasses(String persistenceXml, List<String> classes) {
    String lastClassEnd = "</class>";
    int afterLastClass = persistenceXml.lastIndexOf(lastClassEnd);
    if (afterLastClass < 0) {
      throw new IllegalStateException("The core's persistence.xml lists no classes");
    }
    afterLastClass += lastClassEnd.length();
    StringBuilder entries = new StringBuilder();
    for (String name : classes) {
      entries.append("\n    <class>").append(name).append("</class>");
    }
    return persistenceXml.substring(0, afterLastClass)
        + entries
        + persistenceXml.substring(afterLastClass);
  }

  /** The plugin classes a JAR lists in its {@code PlatformPlugin} service file. */
  private static List<String> providersListedIn(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry services = zip.getEntry("META-INF/services/" + PlatformPlugin.class.getName());
      if (services == null) {
        throw new PluginProblem(
            jar.getFileName()
                + " is not a plugin: it has no META-INF/services/"
                + PlatformPlugin.class.getName());
      }
      try (InputStream in = zip.getInputStream(services)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .map(line -> line.replaceAll("#.*", "").strip())
            .filter(line -> !line.isEmpty())
            .toList();
      }
    }
  }

  private static void requireBeansXml(PluginDescriptor plugin, Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      if (zip.getEntry("META-INF/beans.xml") == null) {
        throw new PluginProblem(
            "The plugin '"
                + plugin.id()
                + "' ("
                + jar.getFileName()
                + ") has no META-INF/beans.xml:"
                + " its resources and listeners would not be found");
      }
    }
  }

  /**
   * Command line: {@code Assembly <core.war> <target.war> [plugin.jar ...]}; exits 1 with the
   * reason when the plugins cannot run together.
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: Assembly <core.war> <target.war> [plugin.jar ...]");
      System.exit(2);
    }
    List<Path> jars = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      jars.add(Path.of(args[i]));
    }
    try {
      Result result = assemble(Path.of(args[0]), jars, Path.of(args[1]));
      System.out.println("Assembled " + result.war() + " with plugins " + result.plugins());
    } catch (PluginProblem e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
