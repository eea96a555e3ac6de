package org.roundtable.plugins.training;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.roundtable.testkit.PackageRoles;

/** The plugin's packages by role: domain, application, then the API and the pages. */
@AnalyzeClasses(
    packages = "org.roundtable.plugins.training",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRolesTest {

  @ArchTest
  static final ArchRule rolesUseOnlyWhatIsBelowThem =
      PackageRoles.under("org.roundtable.plugins.training");
}
