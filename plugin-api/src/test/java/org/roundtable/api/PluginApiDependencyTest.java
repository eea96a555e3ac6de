package org.roundtable.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "org.roundtable.api",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PluginApiDependencyTest {

  /** A plugin compiled against the API must run on any platform release that satisfies it. */
  @ArchTest
  static final ArchRule apiSeesOnlyJavaJakartaAndMicroProfile =
      classes()
          .that()
          .resideInAPackage("org.roundtable.api..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..", "jakarta..", "org.eclipse.microprofile..", "org.roundtable.api..")
          .because("the plugin API is a promise: no core, vendor or library classes");
}
