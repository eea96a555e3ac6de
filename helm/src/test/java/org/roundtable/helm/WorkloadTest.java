package org.roundtable.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an operator relies on in the application pods, the migration Job and the test pod. */
class WorkloadTest {

  private static Container server(Rendered rendered) {
    return rendered.deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  @Test
  void probesUseMicroProfileHealthOnTheHttpPort() {
    Container server = server(Chart.render("minimal-values.yaml"));

    assertProbe(server.getStartupProbe(), "/health/started");
    assertProbe(server.getLivenessProbe(), "/health/live");
    assertProbe(server.getReadinessProbe(), "/health/ready");
    assertThat(server.getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getName()).isEqualTo("http");
              assertThat(port.getContainerPort()).isEqualTo(8080);
            });
  }

  @Test
  void startupProbeAllowsASlowFirstStart() {
    Probe startup = server(Chart.render("minimal-values.yaml")).getStartupProbe();

    int budgetSeconds =
        startup.getInitialDelaySeconds()
            + startup.getPeriodSeconds() * startup.getFailureThreshold();
    assertThat(budgetSeconds)
        .as("seconds before a slow start is killed")
        .isGreaterThanOrEqualTo(180);
  }

  private static void assertProbe(Probe probe, String path) {
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(probe.getTimeoutSeconds()).isPositive();
  }

  @Test
  void payaraRunsWithoutClusteringAndDeploysTheImagesWar() {
    Container server = server(Chart.render("minimal-values.yaml"));

    assertThat(server.getCommand())
        .containsExactly("/opt/java/bin/java", "-jar", "/opt/roundtable/app/payara-micro.jar");
    assertThat(server.getArgs())
        .containsExactly(
            "--nocluster",
            "--port",
            "8080",
            "--rootdir",
            "/tmp/payara",
            "--deploy",
            "/opt/roundtable/app/roundtable.war",
            "--contextroot",
            "/");
    // Payara's embedded Hazelcast reports an installation to its vendor at start unless told not.
    assertThat(server.getEnv())
        .anySatisfy(
            env -> {
              assertThat(env.getName()).isEqualTo("HZ_PHONE_HOME_ENABLED");
              assertThat(env.getValue()).isEqualTo("false");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"minimal-values.yaml", "full-values.yaml"})
  void pluginsAreNeverAddedWithAddlibs(String ciFile) {
    assertThat(Chart.renderWithHooks(ciFile).text()).doesNotContain("--addlibs");
  }

  @ParameterizedTest
  @ValueSource(strings = {"minimal-values.yaml", "full-values.yaml"})
  void everyPodAndContainerRunsLockedDown(String ciFile) {
    Rendered rendered = Chart.renderWithHooks(ciFile);

    assertThat(rendered.podSpecs()).hasSize(3);
    assertThat(rendered.podSpecs())
        .allSatisfy(
            spec -> {
              PodSecurityContext pod = spec.getSecurityContext();
              assertThat(pod.getRunAsNonRoot()).isTrue();
              assertThat(pod.getRunAsUser()).isEqualTo(1000L);
              assertThat(pod.getRunAsGroup()).isEqualTo(1000L);
              assertThat(pod.getFsGroup()).isEqualTo(1000L);
              assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
              assertThat(spec.getAutomountServiceAccountToken()).isFalse();
            });
    assertThat(rendered.containers())
        .allSatisfy(
            container -> {
              SecurityContext context = container.getSecurityContext();
              assertThat(context.getRunAsNonRoot()).isTrue();
              assertThat(context.getReadOnlyRootFilesystem()).isTrue();
              assertThat(context.getAllowPrivilegeEscalation()).isFalse();
              assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
              assertThat(context.getCapabilities().getAdd()).isNullOrEmpty();
              assertThat(context.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
              assertThat(context.getPrivileged()).isNotEqualTo(Boolean.TRUE);
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"minimal-values.yaml", "full-values.yaml"})
  void noPodGetsAServiceAccountToken(String ciFile) {
    Rendered rendered = Chart.renderWithHooks(ciFile);

    assertThat(rendered.one(ServiceAccount.class).getAutomountServiceAccountToken()).isFalse();
    assertThat(rendered.podSpecs())
        .extracting(PodSpec::getAutomountServiceAccountToken)
        .containsOnly(false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"minimal-values.yaml", "full-values.yaml"})
  void everyContainerHasAWritableTmpOnADiskBackedEmptyDirWithALimit(String ciFile) {
    Rendered rendered = Chart.renderWithHooks(ciFile);

    for (PodSpec spec : rendered.podSpecs()) {
      Volume tmp =
          spec.getVolumes().stream()
              .filter(v -> v.getName().equals("tmp"))
              .findFirst()
              .orElseThrow();
      assertThat(tmp.getEmptyDir().getMedium()).as("disk-backed, not memory").isNullOrEmpty();
      assertThat(tmp.getEmptyDir().getSizeLimit()).isNotNull();
    }
    assertThat(rendered.containers())
        .allSatisfy(
            container ->
                assertThat(container.getVolumeMounts())
                    .anySatisfy(
                        mount -> {
                          assertThat(mount.getName()).isEqualTo("tmp");
                          assertThat(mount.getMountPath()).isEqualTo("/tmp");
                          assertThat(mount.getReadOnly()).isNotEqualTo(Boolean.TRUE);
                        }));
    Volume serverTmp = rendered.deployment().getSpec().getTemplate().getSpec().getVolumes().get(0);
    assertThat(serverTmp.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("512Mi"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"minimal-values.yaml", "full-values.yaml"})
  void everyContainerHasRequestsAndLimits(String ciFile) {
    Rendered rendered = Chart.renderWithHooks(ciFile);

    assertThat(rendered.containers())
        .allSatisfy(
            container -> {
              assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
              assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
            });
    Map<String, Quantity> server = server(rendered).getResources().getLimits();
    assertThat(server)
        .containsEntry("cpu", new Quantity("2"))
        .containsEntry("memory", new Quantity("2Gi"));
  }

  @Test
  void podsPreferDifferentNodesWithoutRequiringThem() {
    Deployment deployment = Chart.render("minimal-values.yaml").deployment();
    var antiAffinity =
        deployment.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity();

    assertThat(antiAffinity.getRequiredDuringSchedulingIgnoredDuringExecution()).isNullOrEmpty();
    WeightedPodAffinityTerm term =
        antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution().get(0);
    assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
    assertThat(term.getPodAffinityTerm().getLabelSelector().getMatchLabels())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void topologySpreadConstraintsSelectTheServerPodsWhenNoSelectorIsGiven() {
    Deployment deployment = Chart.render("full-values.yaml").deployment();

    assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
        .singleElement()
        .satisfies(
            constraint ->
                assertThat(constraint.getLabelSelector().getMatchLabels())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels()));
  }

  @Test
  void podsLeaveTheEndpointsBeforePayaraStops() {
    PodSpec spec =
        Chart.render("minimal-values.yaml").deployment().getSpec().getTemplate().getSpec();
    Container server = spec.getContainers().get(0);

    long sleep = server.getLifecycle().getPreStop().getSleep().getSeconds();
    assertThat(sleep).isPositive();
    assertThat(server.getLifecycle().getPreStop().getExec()).as("the image has no shell").isNull();
    assertThat(spec.getTerminationGracePeriodSeconds()).isGreaterThan(sleep + 20L);
  }

  @Test
  void rollingUpdatesNeverTakeAServingPodAwayFirst() {
    Deployment deployment = Chart.render("minimal-values.yaml").deployment();

    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(
            deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
        .isZero();
    assertThat(deployment.getSpec().getRevisionHistoryLimit()).isPositive();
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
  }

  @Test
  void autoscaledDeploymentLeavesTheReplicaCountToTheAutoscaler() {
    assertThat(Chart.render("full-values.yaml").deployment().getSpec().getReplicas()).isNull();
  }

  @Test
  void changedSettingsRollThePods() {
    String before = checksum(Chart.render("minimal-values.yaml"));
    String after =
        checksum(
            new Rendered(
                Chart.template(
                    Chart.DIR,
                    Chart.ci("minimal-values.yaml"),
                    Map.of("mail.from", "council@example.org"))));

    assertThat(before).isNotBlank().isNotEqualTo(after);
    assertThat(
            Chart.render("full-values.yaml")
                .deployment()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations())
        .containsKeys("checksum/config", "checksum/secret", "checksum/tenants");
  }

  private static String checksum(Rendered rendered) {
    return rendered
        .deployment()
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get("checksum/config");
  }

  @Test
  void imageDefaultsToTheChartsAppVersionAndCanBePinnedByDigest() {
    assertThat(server(Chart.render("minimal-values.yaml")).getImage())
        .isEqualTo("roundtable/roundtable:" + System.getProperty("roundtable.version"));
    assertThat(server(Chart.render("full-values.yaml")).getImage())
        .isEqualTo(
            "registry.example.org/roundtable/roundtable:0.1.0-rc1@sha256:"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  }

  @ParameterizedTest
  @ValueSource(strings = {"minimal-values.yaml", "full-values.yaml"})
  void serviceSelectsOnlyTheApplicationPods(String ciFile) {
    Rendered rendered = Chart.renderWithHooks(ciFile);
    Map<String, String> selector =
        rendered.named(Service.class, Chart.FULLNAME).getSpec().getSelector();

    assertThat(rendered.deployment().getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(selector);
    assertThat(rendered.migrationJob().getSpec().getTemplate().getMetadata().getLabels())
        .doesNotContainEntry("app.kubernetes.io/component", "server");
    assertThat(rendered.testPod().getMetadata().getLabels())
        .doesNotContainEntry("app.kubernetes.io/component", "server");
    assertThat(selector).containsEntry("app.kubernetes.io/component", "server");
  }

  @Test
  void testPodChecksReadinessThroughTheService() {
    Rendered rendered = Chart.renderWithHooks("full-values.yaml");

    assertThat(rendered.testPod().getSpec().getContainers().get(0).getCommand())
        .containsExactly(
            "/opt/java/bin/java",
            "-cp",
            "/opt/roundtable/roundtable-launcher.jar",
            "org.roundtable.distribution.CheckReady",
            "http://" + Chart.FULLNAME + ":80/health/ready");
    assertThat(rendered.testPod().getSpec().getRestartPolicy()).isEqualTo("Never");
  }
}
