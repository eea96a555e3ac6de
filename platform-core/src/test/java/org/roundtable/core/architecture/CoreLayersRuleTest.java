package org.roundtable.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The layer rules fail the build when a class adds a cycle or uses a layer above its own. */
class CoreLayersRuleTest {

  private static JavaClasses coreWith(String fixture) {
    return new ClassFileImporter()
        .withImportOption(
            (Location location) ->
                !location.contains("/test-classes/") || location.contains(fixture))
        .importPackages("org.roundtable.core");
  }

  @Test
  void theCoreAsItIsHasNoCycle() {
    EvaluationResult result =
        CoreLayers.topLevelPackagesAreFreeOfCycles().evaluate(coreWith("/no-fixture/"));

    assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
  }

  @Test
  void aTenancyClassUsingThePagesAddsACycleAndFailsBothRules() {
    JavaClasses withBreaker = coreWith("LayerBreaker");

    EvaluationResult cycles = CoreLayers.topLevelPackagesAreFreeOfCycles().evaluate(withBreaker);
    EvaluationResult layers = CoreLayers.layersUseOnlyTheLayersBelow().evaluate(withBreaker);

    assertThat(cycles.hasViolation()).isTrue();
    assertThat(cycles.getFailureReport().toString()).contains("tenancy").contains("web");
    assertThat(layers.hasViolation()).isTrue();
    assertThat(layers.getFailureReport().toString()).contains("LayerBreaker");
  }
}
