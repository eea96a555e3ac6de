package org.roundtable.plugins.peerchallenge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.roundtable.plugins.peerchallenge.application.Evidence;
import org.roundtable.plugins.peerchallenge.domain.EvidenceNote;

/**
 * The team's evidence has one door: {@code application.Evidence}, which lets only the team in. No
 * other use case touches an evidence note, and resources and pages never query the database
 * themselves: the notes they show are the ones {@code Evidence} handed them.
 */
@AnalyzeClasses(
    packages = "org.roundtable.plugins.peerchallenge",
    importOptions = ImportOption.DoNotIncludeTests.class)
class EvidenceIsTheTeamsTest {

  @ArchTest
  static final ArchRule onlyEvidenceReadsNotes =
      noClasses()
          .that()
          .resideInAPackage("..application..")
          .and()
          .doNotHaveFullyQualifiedName(Evidence.class.getName())
          .should()
          .dependOnClassesThat()
          .areAssignableTo(EvidenceNote.class);

  @ArchTest
  static final ArchRule resourcesSeeNotesOnlyFromEvidence =
      noClasses()
          .that()
          .resideInAnyPackage("..api..", "..pages..")
          .should()
          .callMethodWhere(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "a query of their own",
                  call ->
                      call.getTargetOwner()
                          .isAssignableTo(jakarta.persistence.EntityManager.class)));
}
