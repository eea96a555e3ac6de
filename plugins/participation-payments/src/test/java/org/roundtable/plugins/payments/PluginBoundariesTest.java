package org.roundtable.plugins.payments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** A plugin sees the platform through the plugin API only, and never another plugin. */
@AnalyzeClasses(
    packages = "org.roundtable.plugins",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PluginBoundariesTest {

  @ArchTest
  static final ArchRule noPluginImportsTheCore =
      noClasses()
          .that()
          .resideInAPackage("org.roundtable.plugins..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.roundtable.core..")
          .because("plugins compile against roundtable-plugin-api alone");

  @ArchTest
  static final ArchRule noPluginImportsAnotherPlugin =
      slices()
          .matching("org.roundtable.plugins.(*)..")
          .should()
          .notDependOnEachOther()
          .because("plugins talk through the API's events and published interfaces");
}
