package org.roundtable.plugins.boards;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plugin's packages by role: the domain (entities, their rules and transitions) knows nothing
 * above it; the application (one class per use case) uses the domain; the API and the pages use
 * both and never each other's controllers.
 */
@AnalyzeClasses(
    packages = "org.roundtable.plugins.boards",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRolesTest {

  private static final String HERE = "org.roundtable.plugins.boards.";

  @ArchTest
  static final ArchRule rolesUseOnlyWhatIsBelowThem =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Domain")
          .definedBy(HERE + "domain..")
          .layer("Application")
          .definedBy(HERE + "application..")
          .layer("Api")
          .definedBy(HERE + "api..")
          .layer("Pages")
          .definedBy(HERE + "pages..")
          .whereLayer("Pages")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Api")
          .mayOnlyBeAccessedByLayers("Pages")
          .whereLayer("Application")
          .mayOnlyBeAccessedByLayers("Api", "Pages")
          .whereLayer("Domain")
          .mayOnlyBeAccessedByLayers("Application", "Api", "Pages");
}
