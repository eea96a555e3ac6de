package org.roundtable.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Autoscaler, disruption budget, ServiceMonitor and Ingress: on in full, off in minimal. */
class OptionalResourcesTest {

  @Test
  void minimalValuesRenderNoAutoscalerBudgetOrServiceMonitor() {
    Rendered rendered = Chart.renderWithHooks("minimal-values.yaml");

    assertThat(rendered.all(HorizontalPodAutoscaler.class)).isEmpty();
    assertThat(rendered.all(PodDisruptionBudget.class)).as("one pod: nothing to keep up").isEmpty();
    assertThat(rendered.all(ServiceMonitor.class)).isEmpty();
  }

  @Test
  void autoscalerScalesTheDeploymentOnCpuAndMemory() {
    Rendered rendered = Chart.render("full-values.yaml");
    HorizontalPodAutoscaler hpa = rendered.one(HorizontalPodAutoscaler.class);

    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getScaleTargetRef().getName())
        .isEqualTo(rendered.deployment().getMetadata().getName());
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(8);
    assertThat(hpa.getSpec().getMetrics())
        .extracting(MetricSpec::getResource)
        .extracting(r -> r.getName() + "=" + r.getTarget().getAverageUtilization())
        .containsExactly("cpu=65", "memory=80");
  }

  @Test
  void disruptionBudgetKeepsServerPodsUp() {
    Rendered rendered = Chart.render("full-values.yaml");
    PodDisruptionBudget pdb = rendered.one(PodDisruptionBudget.class);

    assertThat(pdb.getSpec().getMinAvailable().getStrVal()).isEqualTo("50%");
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(rendered.deployment().getSpec().getSelector().getMatchLabels());
  }

  @Test
  void disruptionBudgetDefaultsToOnePodWhenMoreThanOneRuns() {
    Rendered rendered =
        new Rendered(
            Chart.template(Chart.DIR, Chart.ci("minimal-values.yaml"), Map.of("replicaCount", 2)));

    assertThat(rendered.one(PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal())
        .isEqualTo(1);
  }

  @Test
  void serviceMonitorScrapesMetricsFromTheService() {
    Rendered rendered = Chart.render("full-values.yaml");
    ServiceMonitor monitor = rendered.one(ServiceMonitor.class);
    Service service = rendered.named(Service.class, Chart.FULLNAME);

    assertThat(service.getMetadata().getLabels())
        .containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
    assertThat(monitor.getSpec().getEndpoints())
        .singleElement()
        .satisfies(
            endpoint -> {
              assertThat(endpoint.getPort())
                  .isEqualTo(service.getSpec().getPorts().get(0).getName());
              assertThat(endpoint.getPath()).isEqualTo("/metrics");
              assertThat(endpoint.getInterval()).isEqualTo("15s");
              assertThat(endpoint.getScrapeTimeout()).isEqualTo("5s");
            });
  }

  @Test
  void ingressServesEveryHostOverTls() {
    Ingress ingress = Chart.render("full-values.yaml").one(Ingress.class);

    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(ingress.getSpec().getRules())
        .extracting(rule -> rule.getHost())
        .containsExactly("roundtable.example.org", "roundtable.kirklees.example");
    assertThat(ingress.getSpec().getRules())
        .allSatisfy(
            rule ->
                assertThat(
                        rule.getHttp()
                            .getPaths()
                            .get(0)
                            .getBackend()
                            .getService()
                            .getPort()
                            .getName())
                    .isEqualTo("http"));
    assertThat(ingress.getSpec().getTls())
        .singleElement()
        .satisfies(
            tls -> {
              assertThat(tls.getSecretName()).isEqualTo("roundtable-tls");
              assertThat(tls.getHosts())
                  .containsExactly("roundtable.example.org", "roundtable.kirklees.example");
            });
    assertThat(ingress.getMetadata().getAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "20m");
  }

  @Test
  void theIngressNeverPassesOnMetricsNorTheApiDescriptionUnlessAsked() {
    Rendered minimal = Chart.render("minimal-values.yaml");
    Ingress ingress = minimal.one(Ingress.class);

    Map<String, String> backends = backends(ingress);
    assertThat(backends)
        .containsEntry("/", Chart.FULLNAME)
        .containsEntry("/metrics", Chart.FULLNAME + "-closed")
        .containsEntry("/openapi", Chart.FULLNAME + "-closed");
    Service closed = minimal.named(Service.class, Chart.FULLNAME + "-closed");
    assertThat(closed.getSpec().getSelector()).isNullOrEmpty();
    // The controller refuses what the platform would refuse anyway, before it travels further.
    assertThat(ingress.getMetadata().getAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "32m");

    Ingress asked =
        new Rendered(
                Chart.template(
                    Chart.DIR,
                    Chart.ci("minimal-values.yaml"),
                    Map.of("ingress.exposeOpenapi", true)))
            .one(Ingress.class);
    assertThat(backends(asked))
        .containsEntry("/openapi", Chart.FULLNAME)
        .containsEntry("/metrics", Chart.FULLNAME + "-closed");
  }

  private static Map<String, String> backends(Ingress ingress) {
    Map<String, String> backends = new java.util.LinkedHashMap<>();
    ingress
        .getSpec()
        .getRules()
        .get(0)
        .getHttp()
        .getPaths()
        .forEach(p -> backends.put(p.getPath(), p.getBackend().getService().getName()));
    backends.putIfAbsent("/openapi", Chart.FULLNAME);
    return backends;
  }
}
