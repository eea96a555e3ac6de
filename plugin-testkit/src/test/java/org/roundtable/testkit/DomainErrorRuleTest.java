package org.roundtable.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.roundtable.testkit.fixture.errors.DomainSpeakingService;
import org.roundtable.testkit.fixture.errors.HttpSpeakingService;

class DomainErrorRuleTest {

  @Test
  void aPluginClassThrowingAJaxRsExceptionFailsTheBuild() {
    EvaluationResult result =
        PluginBoundaryRules.noPluginUsesJaxRsExceptions.evaluate(
            new ClassFileImporter().importClasses(HttpSpeakingService.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains("jakarta.ws.rs.NotFoundException"));
  }

  @Test
  void aPluginClassThrowingDomainErrorsPasses() {
    EvaluationResult result =
        PluginBoundaryRules.noPluginUsesJaxRsExceptions.evaluate(
            new ClassFileImporter().importClasses(DomainSpeakingService.class));

    assertThat(result.hasViolation()).isFalse();
  }
}
