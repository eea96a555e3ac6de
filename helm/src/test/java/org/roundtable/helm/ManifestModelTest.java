package org.roundtable.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rendered manifest, hooks and the test pod included, maps onto the Kubernetes model. */
class ManifestModelTest {

  @ParameterizedTest
  @ValueSource(strings = {"minimal-values.yaml", "full-values.yaml"})
  void everyManifestIsAKnownKindWithNoUnknownField(String ciFile) {
    Rendered rendered = Chart.renderWithHooks(ciFile);

    assertThat(rendered.objects()).isNotEmpty();
    for (HasMetadata object : rendered.objects()) {
      String name = object.getKind() + "/" + object.getMetadata().getName();
      assertThat(ModelValidator.problems(object)).as(name).isEmpty();
      assertThat(object.getMetadata().getLabels())
          .as(name)
          .containsEntry("app.kubernetes.io/name", "roundtable")
          .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
          .containsEntry("app.kubernetes.io/managed-by", "Helm")
          .containsKeys("helm.sh/chart", "app.kubernetes.io/version");
    }
  }

  @Test
  void fullValuesRenderEveryKind() {
    assertThat(Chart.renderWithHooks("full-values.yaml").objects())
        .extracting(HasMetadata::getKind)
        .containsExactlyInAnyOrder(
            "NetworkPolicy",
            "PodDisruptionBudget",
            "ServiceAccount",
            "Secret",
            "Secret",
            "ConfigMap",
            "ConfigMap",
            "Service",
            "Service",
            "Pod",
            "Deployment",
            "HorizontalPodAutoscaler",
            "Job",
            "Ingress",
            "ServiceMonitor");
  }

  @Test
  void validatorRejectsMisspelledFields() {
    HasMetadata pod =
        Rendered.parse(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: typo
            spec:
              containers:
                - name: app
                  image: roundtable
                  ports:
                    - contianerPort: 8080
                  readynessProbe:
                    httpGet: {path: /health/ready, port: 8080}
            """);

    assertThat(ModelValidator.problems(pod))
        .containsExactlyInAnyOrder(
            "Pod/typo.spec.containers[0]: unknown field(s) [readynessProbe]",
            "Pod/typo.spec.containers[0].ports[0]: unknown field(s) [contianerPort]");
  }

  @Test
  void validatorRejectsUnknownKindsAndVersions() {
    HasMetadata unknown =
        Rendered.parse(
            """
            apiVersion: apps/v1
            kind: Deploymnet
            metadata:
              name: typo
            """);

    assertThat(ModelValidator.problems(unknown))
        .singleElement()
        .asString()
        .contains("is not in the Kubernetes model");
  }

  @Test
  void validatorRejectsUnknownServiceMonitorFields() {
    HasMetadata monitor =
        Rendered.parse(
            """
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: typo
            spec:
              endpoints:
                - port: http
                  intervall: 30s
            """);

    assertThat(monitor).isInstanceOf(ServiceMonitor.class);
    assertThat(ModelValidator.problems(monitor))
        .containsExactly("ServiceMonitor/typo.spec.endpoints[0]: unknown field(s) [intervall]");
  }

  /**
   * The hooks are rendered from a copy whose hook annotation key is renamed; this proves the real
   * chart declares them as hooks, which Helm leaves out of a plain rendering.
   */
  @Test
  void migrationJobTestPodAndMigrationSecretAreHooks() {
    Rendered plain = Chart.render("full-values.yaml");
    Rendered hooks = Chart.renderWithHooks("full-values.yaml");

    assertThat(plain.all(Job.class)).isEmpty();
    assertThat(plain.all(Pod.class)).isEmpty();
    assertThat(plain.all(Secret.class))
        .extracting(s -> s.getMetadata().getName())
        .containsExactly(Chart.FULLNAME);

    Map<String, String> job = Rendered.annotations(hooks.migrationJob());
    assertThat(job)
        .containsEntry(Chart.HOOK_RENAMED, "pre-install,pre-upgrade")
        .containsEntry("helm.sh/hook-weight", "0")
        .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation");
    Map<String, String> secret =
        Rendered.annotations(hooks.named(Secret.class, Chart.FULLNAME + "-db-owner"));
    assertThat(secret)
        .containsEntry(Chart.HOOK_RENAMED, "pre-install,pre-upgrade")
        .containsEntry("helm.sh/hook-weight", "-10")
        .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation");
    assertThat(Integer.parseInt(secret.get("helm.sh/hook-weight")))
        .isLessThan(Integer.parseInt(job.get("helm.sh/hook-weight")));
    assertThat(Rendered.annotations(hooks.testPod())).containsEntry(Chart.HOOK_RENAMED, "test");

    Map<String, String> sources = Chart.templateSources();
    assertThat(sources.get("templates/job-migrate.yaml"))
        .contains(Chart.HOOK + ": pre-install,pre-upgrade");
    assertThat(sources.get("templates/secret-migration.yaml"))
        .contains(Chart.HOOK + ": pre-install,pre-upgrade");
    assertThat(sources.get("templates/tests/test-ready.yaml")).contains(Chart.HOOK + ": test");
    assertThat(List.copyOf(sources.values())).noneMatch(s -> s.contains(Chart.HOOK_RENAMED));
  }
}
