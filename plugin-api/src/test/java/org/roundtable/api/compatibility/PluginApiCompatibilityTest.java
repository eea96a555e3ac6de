package org.roundtable.api.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.api.PluginApi;

/**
 * The plugin API keeps its promise (semantic versioning, ADR 0022): compared with the released JAR
 * in {@code baseline/}, nothing a plugin built on it uses is removed or changed; interfaces the
 * platform implements may gain methods; interfaces plugins implement gain only default methods.
 */
class PluginApiCompatibilityTest {

  /** The API version this build is checked against: its JAR is {@code baseline/}. */
  static final String RELEASED = "1.7.0";

  /** Interfaces plugins implement: they may only gain default methods. */
  static final Set<String> IMPLEMENTED_BY_PLUGINS =
      Set.of(
          "org.roundtable.api.plugin.PlatformPlugin",
          "org.roundtable.api.plugin.TenantSeeder",
          "org.roundtable.api.events.EventListener",
          "org.roundtable.api.jobs.ScheduledJob",
          "org.roundtable.api.personaldata.PersonalDataHandler",
          "org.roundtable.api.web.HomeSection",
          "org.roundtable.api.web.FormSubmission$Action",
          "org.roundtable.api.security.SealedData");

  /** Interfaces the platform implements and plugins call: they may gain methods. */
  static final Set<String> IMPLEMENTED_BY_THE_PLATFORM =
      Set.of(
          "org.roundtable.api.tenancy.TenantContext",
          "org.roundtable.api.platform.Mail",
          "org.roundtable.api.platform.Members",
          "org.roundtable.api.platform.AuditTrail",
          "org.roundtable.api.platform.CurrentMember",
          "org.roundtable.api.events.Events",
          "org.roundtable.api.settings.PluginSettings",
          "org.roundtable.api.reference.BenefitLimits",
          "org.roundtable.api.participation.ParticipationRecords",
          "org.roundtable.api.security.SealedValues",
          "org.roundtable.api.platform.Guests");

  private final ApiCompatibility check = new ApiCompatibility(IMPLEMENTED_BY_PLUGINS);

  @Test
  void pluginsBuiltOnTheReleasedApiStillCompileAndRunOnThisOne(@TempDir Path work)
      throws Exception {
    Path released = Path.of("baseline", "roundtable-plugin-api-" + RELEASED + ".jar");
    Path current = Jars.packed(classesOfThisBuild(), work.resolve("current.jar"));

    assertThat(check.breaks(released, current, classPath())).isEmpty();
    assertThat(ModuleDescriptor.Version.parse(PluginApi.VERSION))
        .as("never below the released API (a new version once something is added, CHANGELOG.md)")
        .isGreaterThanOrEqualTo(ModuleDescriptor.Version.parse(RELEASED));
    assertThat(PluginApi.VERSION)
        .as("the artifact's version is the API's")
        .isEqualTo(System.getProperty("plugin-api.version"));
  }

  @Test
  void aRemovedMethodBreaksTheBuild(@TempDir Path work) throws IOException {
    Path released =
        Jars.compiled(
            work,
            "released",
            Map.of(
                "kit.Members",
                "package kit; public interface Members { String name(); int count(); }"));
    Path next =
        Jars.compiled(
            work,
            "next",
            Map.of("kit.Members", "package kit; public interface Members { String name(); }"));

    assertThat(check.breaks(released, next, List.of()))
        .singleElement()
        .asString()
        .contains("kit.Members")
        .contains("METHOD_REMOVED")
        .contains("count");
  }

  @Test
  void aChangedSignatureBreaksTheBuild(@TempDir Path work) throws IOException {
    Path released =
        Jars.compiled(
            work,
            "released",
            Map.of(
                "kit.Money",
                "package kit; public final class Money { public long pence() { return 0; } }"));
    Path next =
        Jars.compiled(
            work,
            "next",
            Map.of(
                "kit.Money",
                "package kit; public final class Money { public int pence() { return 0; } }"));

    assertThat(check.breaks(released, next, List.of())).isNotEmpty();
  }

  @Test
  void anInterfacePluginsImplementGainsOnlyDefaultMethods(@TempDir Path work) throws IOException {
    ApiCompatibility rule = new ApiCompatibility(Set.of("kit.Listener"));
    Path released =
        Jars.compiled(
            work,
            "released",
            Map.of(
                "kit.Listener", "package kit; public interface Listener { void on(String e); }",
                "kit.Audit", "package kit; public interface Audit { void record(String a); }"));
    Path abstractAdded =
        Jars.compiled(
            work,
            "abstract",
            Map.of(
                "kit.Listener",
                "package kit; public interface Listener { void on(String e); void off(); }",
                "kit.Audit",
                "package kit; public interface Audit { void record(String a); }"));
    Path defaultAdded =
        Jars.compiled(
            work,
            "default",
            Map.of(
                "kit.Listener",
                "package kit; public interface Listener { void on(String e); default void off() {} }",
                "kit.Audit",
                "package kit; public interface Audit { void record(String a); void count(); }"));

    assertThat(rule.breaks(released, abstractAdded, List.of()))
        .singleElement()
        .asString()
        .contains("kit.Listener.off")
        .contains("must be a default method");
    assertThat(rule.breaks(released, defaultAdded, List.of()))
        .as("a default method on a plugin's interface; a new method on the platform's")
        .isEmpty();
  }

  @Test
  void aNewInterfacePluginsImplementMayDeclareWhatItNeeds(@TempDir Path work) throws IOException {
    ApiCompatibility rule = new ApiCompatibility(Set.of("kit.Listener", "kit.Job"));
    Path released =
        Jars.compiled(
            work,
            "released",
            Map.of(
                "kit.Listener", "package kit; public interface Listener { void on(String e); }"));
    Path next =
        Jars.compiled(
            work,
            "next",
            Map.of(
                "kit.Listener",
                "package kit; public interface Listener { void on(String e); }",
                "kit.Job",
                "package kit; public interface Job { String name(); void run(); }"));

    assertThat(rule.breaks(released, next, List.of()))
        .as("no plugin implements an interface that was not there")
        .isEmpty();
  }

  @Test
  void everyInterfaceOfTheApiSaysWhoImplementsIt() throws Exception {
    Set<String> interfaces = new HashSet<>();
    Path classes = classesOfThisBuild();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
        Class<?> type = Class.forName(name, false, getClass().getClassLoader());
        if (type.isInterface() && !type.isAnnotation() && Modifier.isPublic(type.getModifiers())) {
          interfaces.add(type.getName());
        }
      }
    }
    Set<String> declared = new HashSet<>(IMPLEMENTED_BY_PLUGINS);
    declared.addAll(IMPLEMENTED_BY_THE_PLATFORM);

    assertThat(interfaces)
        .as("a new interface goes in one of the two lists above (and in contracts.md)")
        .containsExactlyInAnyOrderElementsOf(declared);
  }

  private static Path classesOfThisBuild() {
    try {
      return Path.of(PluginApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> classPath() {
    try {
      return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
          .filter(entry -> entry.endsWith(".jar"))
          .toList();
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
