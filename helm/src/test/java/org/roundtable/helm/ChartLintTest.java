package org.roundtable.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code helm lint --strict} and what Helm refuses before anything reaches a cluster. */
class ChartLintTest {

  @ParameterizedTest
  @ValueSource(strings = {"minimal-values.yaml", "full-values.yaml"})
  void ciValuesPassStrictLint(String ciFile) {
    LintResult result = Chart.lintWith(ciFile);

    assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages())
        .noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }

  /**
   * Lint renders in Helm's lint mode, where {@code required} and {@code fail} only log, so the
   * defaults lint clean; they are still schema-valid and render.
   */
  @Test
  void defaultValuesPassStrictLint() {
    LintResult result = Chart.lintDefaults();

    assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
  }

  /** An install with the defaults alone stops at once, naming the value the operator must give. */
  @Test
  void installWithDefaultsAloneFailsNamingTheMissingValue() {
    assertThatThrownBy(() -> Chart.template(Chart.DIR, null, Map.of()))
        .hasMessageContaining("is required")
        .hasMessageContaining("database.host");
  }

  @Test
  void badValuesFailLint() {
    LintResult result = Chart.lintWith("bad-values.yaml");

    assertThat(result.isFailed()).isTrue();
    assertThat(String.join("\n", result.getMessages()))
        .contains("additional properties 'servce' not allowed")
        .contains("/replicaCount");
  }
}
