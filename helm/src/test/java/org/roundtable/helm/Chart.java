package org.roundtable.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The chart under test, rendered and linted through helm-java (Helm as a native library). One
 * {@link Helm} per chart directory and one rendering per values file are shared by all tests.
 */
final class Chart {

  static final Path DIR =
      Path.of(System.getProperty("roundtable.chart.dir", "roundtable"))
          .toAbsolutePath()
          .normalize();
  static final String RELEASE = "council";
  static final String NAMESPACE = "roundtable";
  static final String FULLNAME = "council-roundtable";
  static final String KUBE_VERSION = "1.30.0";

  /** The annotation that makes a resource a hook; renamed in a copy so the hooks render. */
  static final String HOOK = "helm.sh/hook";

  static final String HOOK_RENAMED = "helm.sh/hook-rendered-for-test";

  private static final Map<Path, Helm> HELMS = new ConcurrentHashMap<>();
  private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();
  private static volatile Path hookCopy;

  private Chart() {}

  static Path ci(String file) {
    return DIR.resolve("ci").resolve(file);
  }

  static Helm helm(Path chartDir) {
    return HELMS.computeIfAbsent(chartDir, Helm::new);
  }

  /** {@code helm template} of the real chart: what {@code helm install} applies, hooks left out. */
  static Rendered render(String ciFile) {
    return RENDERED.computeIfAbsent(
        "plain:" + ciFile, key -> new Rendered(template(DIR, ci(ciFile), Map.of())));
  }

  /**
   * Every manifest including the hook Job, hook Secret and test pod. helm-java's template leaves
   * hooks out, so this renders a copy of the chart whose {@value #HOOK} annotation key is renamed
   * to {@value #HOOK_RENAMED}.
   */
  static Rendered renderWithHooks(String ciFile) {
    return RENDERED.computeIfAbsent(
        "hooks:" + ciFile, key -> new Rendered(template(hookCopy(), ci(ciFile), Map.of())));
  }

  /**
   * NOTES.txt as Helm would print it after an install. helm-java's template leaves the notes out,
   * so this renders a copy of the chart in which a ConfigMap template runs the notes through {@code
   * tpl}.
   */
  static String renderNotes(String ciFile) {
    Path copy = copyChart("notes-rendered");
    Path templates = copy.resolve("templates");
    try {
      Files.move(templates.resolve("NOTES.txt"), copy.resolve("notes.txt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(
        templates.resolve("notes-for-test.yaml"),
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: notes
        data:
          notes: {{ tpl (.Files.Get "notes.txt") . | toJson }}
        """);
    Rendered rendered = new Rendered(template(copy, ci(ciFile), Map.of()));
    return rendered.all(ConfigMap.class).stream()
        .filter(c -> c.getMetadata().getName().equals("notes"))
        .findFirst()
        .orElseThrow()
        .getData()
        .get("notes");
  }

  /** A rendering with hooks of a CI values file plus {@code --set} values (not cached). */
  static Rendered renderWithHooks(String ciFile, Map<String, Object> sets) {
    return new Rendered(template(hookCopy(), ci(ciFile), sets));
  }

  static String template(Path chartDir, Path valuesFile, Map<String, Object> sets) {
    TemplateCommand command =
        helm(chartDir)
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION);
    if (valuesFile != null) {
      command = command.withValuesFile(valuesFile);
    }
    for (Map.Entry<String, Object> set : sets.entrySet()) {
      command = command.set(set.getKey(), set.getValue());
    }
    return command.call();
  }

  /** {@code helm lint --strict} of the chart with its default values. */
  static LintResult lintDefaults() {
    return helm(DIR).lint().strict().call();
  }

  /**
   * {@code helm lint --strict -f <ciFile>}. helm-java's lint takes no values file, so this lints a
   * copy of the chart whose values.yaml is the default values coalesced with the CI file: the same
   * merge {@code helm lint -f} does (maps merge key by key, a null removes a key, anything else
   * replaces).
   */
  static LintResult lintWith(String ciFile) {
    Path copy = copyChart("lint-" + ciFile.replace(".yaml", ""));
    Map<String, Object> merged =
        coalesce(loadYaml(DIR.resolve("values.yaml")), loadYaml(ci(ciFile)));
    DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
    write(copy.resolve("values.yaml"), new Dump(settings).dumpToString(merged));
    return helm(copy).lint().strict().call();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> coalesce(Map<String, Object> defaults, Map<String, Object> overrides) {
    Map<String, Object> result = new LinkedHashMap<>(defaults);
    for (Map.Entry<String, Object> entry : overrides.entrySet()) {
      Object base = result.get(entry.getKey());
      Object override = entry.getValue();
      if (override == null) {
        result.remove(entry.getKey());
      } else if (base instanceof Map && override instanceof Map) {
        result.put(
            entry.getKey(), coalesce((Map<String, Object>) base, (Map<String, Object>) override));
      } else {
        result.put(entry.getKey(), override);
      }
    }
    return result;
  }

  static Map<String, Object> loadYaml(Path file) {
    return parseYaml(read(file));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parseYaml(String yaml) {
    Object loaded = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    return loaded == null ? new LinkedHashMap<>() : (Map<String, Object>) loaded;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The chart's template sources, by path relative to the chart. */
  static Map<String, String> templateSources() {
    Map<String, String> sources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(DIR.resolve("templates"))) {
      files
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(file -> sources.put(DIR.relativize(file).toString(), read(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sources;
  }

  private static synchronized Path hookCopy() {
    if (hookCopy == null) {
      Path copy = copyChart("hooks-rendered");
      try (Stream<Path> files = Files.walk(copy.resolve("templates"))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          write(file, read(file).replace(HOOK + ":", HOOK_RENAMED + ":"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      hookCopy = copy;
    }
    return hookCopy;
  }

  private static Path copyChart(String name) {
    Path target =
        DIR.getParent().resolve("target").resolve("charts").resolve(name).resolve("roundtable");
    try {
      if (Files.exists(target)) {
        try (Stream<Path> old = Files.walk(target)) {
          for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      try (Stream<Path> files = Files.walk(DIR)) {
        for (Path source : files.toList()) {
          Path destination = target.resolve(DIR.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(destination);
          } else {
            Files.copy(source, destination);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }
}
