package org.roundtable.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chart.yaml: the chart deploys the version this build makes. */
class ChartVersionTest {

  private static final Map<String, Object> CHART = Chart.loadYaml(Chart.DIR.resolve("Chart.yaml"));

  @Test
  void appVersionIsTheMavenProjectVersion() {
    assertThat(System.getProperty("roundtable.version")).isNotBlank();
    assertThat(CHART.get("appVersion")).isEqualTo(System.getProperty("roundtable.version"));
  }

  @Test
  void chartNeedsKubernetesWithThePreStopSleepAction() {
    assertThat(CHART)
        .containsEntry("apiVersion", "v2")
        .containsEntry("name", "roundtable")
        .containsEntry("type", "application")
        .containsEntry("kubeVersion", ">=1.30.0-0");
    assertThat(CHART.get("version")).asString().matches("\\d+\\.\\d+\\.\\d+");
  }
}
