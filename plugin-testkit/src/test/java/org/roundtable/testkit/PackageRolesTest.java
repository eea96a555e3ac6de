package org.roundtable.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.roundtable.testkit.fixture.roles.application.Claims;
import org.roundtable.testkit.fixture.roles.domain.Claim;

class PackageRolesTest {

  private static final String FIXTURE = "org.roundtable.testkit.fixture.roles";

  @Test
  void aDomainClassUsingAUseCaseFailsTheRule() {
    EvaluationResult result =
        PackageRoles.under(FIXTURE)
            .evaluate(new ClassFileImporter().importClasses(Claim.class, Claims.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("fixture.roles.domain.Claim");
  }

  @Test
  void aUseCaseAloneIsFine() {
    EvaluationResult result =
        PackageRoles.under(FIXTURE).evaluate(new ClassFileImporter().importClasses(Claims.class));

    assertThat(result.hasViolation()).isFalse();
  }
}
