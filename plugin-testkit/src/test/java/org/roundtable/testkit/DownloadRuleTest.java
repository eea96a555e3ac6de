package org.roundtable.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.roundtable.testkit.fixture.pages.ControllerDownloadPages;
import org.roundtable.testkit.fixture.pages.DownloadPages;

class DownloadRuleTest {

  @Test
  void aControllerSendingAFileFailsTheBuild() {
    EvaluationResult result =
        PluginBoundaryRules.noControllerSendsAFile.evaluate(
            new ClassFileImporter().importClasses(ControllerDownloadPages.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains("ControllerDownloadPages.paper()"));
  }

  @Test
  void aDownloadOutsideTheControllersPasses() {
    EvaluationResult result =
        PluginBoundaryRules.noControllerSendsAFile.evaluate(
            new ClassFileImporter().importClasses(DownloadPages.class));

    assertThat(result.hasViolation()).isFalse();
  }
}
