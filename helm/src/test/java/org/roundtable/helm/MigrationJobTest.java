package org.roundtable.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The migration hook Job: runs before the release's own resources exist, with the owner role. */
class MigrationJobTest {

  private static Map<String, EnvVar> env(Container container) {
    return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
  }

  @ParameterizedTest
  @CsvSource({
    "minimal-values.yaml, roundtable-db-owner, password, roundtable_owner",
    "full-values.yaml, council-roundtable-db-owner, password, council_owner"
  })
  void runsTheMigratorWithTheOwnerRolesPasswordFromASecret(
      String ciFile, String secretName, String secretKey, String owner) {
    Job job = Chart.renderWithHooks(ciFile).migrationJob();
    Container migrate = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    Map<String, EnvVar> env = env(migrate);

    assertThat(migrate.getCommand())
        .containsExactly(
            "/opt/java/bin/java",
            "-cp",
            "/opt/roundtable/roundtable-launcher.jar",
            "org.roundtable.distribution.Migrate");
    assertThat(migrate.getArgs()).isNullOrEmpty();
    assertThat(env.get("ROUNDTABLE_DB_OWNER_USER").getValue()).isEqualTo(owner);
    SecretKeySelector password =
        env.get("ROUNDTABLE_DB_OWNER_PASSWORD").getValueFrom().getSecretKeyRef();
    assertThat(password.getName()).isEqualTo(secretName);
    assertThat(password.getKey()).isEqualTo(secretKey);
    assertThat(env.get("ROUNDTABLE_DB_OWNER_PASSWORD").getValue()).isNull();
    assertThat(env.get("ROUNDTABLE_DB_URL").getValue()).startsWith("jdbc:postgresql://");
    assertThat(env).containsKeys("ROUNDTABLE_DB_APP_USER", "JDK_JAVA_OPTIONS");
  }

  /** A pre-install hook runs before the chart's ConfigMap and ServiceAccount exist. */
  @ParameterizedTest
  @ValueSource(strings = {"minimal-values.yaml", "full-values.yaml"})
  void needsNothingTheReleaseCreatesLater(String ciFile) {
    PodSpec spec = Chart.renderWithHooks(ciFile).migrationJob().getSpec().getTemplate().getSpec();
    Container migrate = spec.getContainers().get(0);

    assertThat(migrate.getEnvFrom()).isNullOrEmpty();
    assertThat(spec.getVolumes()).allSatisfy(volume -> assertThat(volume.getConfigMap()).isNull());
    assertThat(spec.getVolumes()).allSatisfy(volume -> assertThat(volume.getProjected()).isNull());
    assertThat(spec.getServiceAccountName()).isNotEqualTo(Chart.FULLNAME);
    assertThat(migrate.getEnv())
        .filteredOn(e -> e.getValueFrom() != null)
        .allSatisfy(
            e ->
                assertThat(e.getValueFrom().getSecretKeyRef().getName())
                    .isNotEqualTo(Chart.FULLNAME));
  }

  @ParameterizedTest
  @ValueSource(strings = {"minimal-values.yaml", "full-values.yaml"})
  void failsFastAndKeepsItsLogs(String ciFile) {
    Job job = Chart.renderWithHooks(ciFile).migrationJob();

    assertThat(job.getSpec().getBackoffLimit()).isBetween(0, 2);
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isPositive();
    assertThat(job.getSpec().getTtlSecondsAfterFinished())
        .as("kept until the next upgrade")
        .isNull();
    assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
  }

  @ParameterizedTest
  @ValueSource(strings = {"minimal-values.yaml", "full-values.yaml"})
  void applicationPodsNeverGetTheOwnerRole(String ciFile) {
    Rendered rendered = Chart.renderWithHooks(ciFile);
    Container server =
        rendered.deployment().getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(server.getEnv())
        .extracting(EnvVar::getName)
        .doesNotContain("ROUNDTABLE_DB_OWNER_PASSWORD", "ROUNDTABLE_DB_OWNER_USER");
    assertThat(rendered.settings().getData())
        .doesNotContainKeys("ROUNDTABLE_DB_OWNER_PASSWORD", "ROUNDTABLE_DB_OWNER_USER");
    assertThat(rendered.deployment().getSpec().getTemplate().getSpec().getInitContainers())
        .allSatisfy(
            init ->
                assertThat(init.getEnv())
                    .extracting(EnvVar::getName)
                    .doesNotContain("ROUNDTABLE_DB_OWNER_PASSWORD"));
  }
}
