package org.roundtable.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The output of one {@code helm template}: its documents as text and as Kubernetes objects. */
final class Rendered {

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  static {
    SERIALIZATION.registerKubernetesResource(ServiceMonitor.class);
  }

  private static final Pattern SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  private final String text;
  private final List<String> documents;
  private final List<HasMetadata> objects;

  Rendered(String text) {
    this.text = text;
    this.documents =
        Arrays.stream(SEPARATOR.split(text))
            .filter(document -> document.lines().anyMatch(Rendered::isContent))
            .toList();
    List<HasMetadata> parsed = new ArrayList<>();
    for (String document : documents) {
      parsed.add(parse(document));
    }
    this.objects = List.copyOf(parsed);
  }

  static HasMetadata parse(String document) {
    Object parsed = SERIALIZATION.unmarshal(document);
    assertThat(parsed)
        .as("a single Kubernetes object:%n%s", document)
        .isInstanceOf(HasMetadata.class);
    return (HasMetadata) parsed;
  }

  private static boolean isContent(String line) {
    String trimmed = line.strip();
    return !trimmed.isEmpty() && !trimmed.startsWith("#");
  }

  String text() {
    return text;
  }

  List<String> documents() {
    return documents;
  }

  List<HasMetadata> objects() {
    return objects;
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T one(Class<T> type) {
    List<T> found = all(type);
    assertThat(found).as("exactly one %s", type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  <T extends HasMetadata> T named(Class<T> type, String name) {
    return all(type).stream()
        .filter(object -> object.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type.getSimpleName() + " " + name + " not rendered"));
  }

  Deployment deployment() {
    return one(Deployment.class);
  }

  Job migrationJob() {
    return named(Job.class, Chart.FULLNAME + "-migrate");
  }

  Pod testPod() {
    return named(Pod.class, Chart.FULLNAME + "-test-ready");
  }

  ConfigMap settings() {
    return named(ConfigMap.class, Chart.FULLNAME);
  }

  static Map<String, String> annotations(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }

  /** Every pod spec: the Deployment's, the Job's and bare pods (the test pod). */
  List<PodSpec> podSpecs() {
    return Stream.of(
            all(Deployment.class).stream().map(d -> d.getSpec().getTemplate().getSpec()),
            all(Job.class).stream().map(j -> j.getSpec().getTemplate().getSpec()),
            all(Pod.class).stream().map(Pod::getSpec))
        .flatMap(s -> s)
        .toList();
  }

  /** Every container of every pod spec, init containers included. */
  List<Container> containers() {
    return podSpecs().stream()
        .flatMap(
            spec -> Stream.concat(spec.getInitContainers().stream(), spec.getContainers().stream()))
        .toList();
  }
}
