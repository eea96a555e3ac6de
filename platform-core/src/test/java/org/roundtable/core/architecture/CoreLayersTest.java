package org.roundtable.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core's layers hold: the build fails on a cycle, an upward use or a foreign internal. */
@AnalyzeClasses(
    packages = "org.roundtable.core",
    importOptions = ImportOption.DoNotIncludeTests.class)
class CoreLayersTest {

  @ArchTest
  static final ArchRule topLevelPackagesAreFreeOfCycles =
      CoreLayers.topLevelPackagesAreFreeOfCycles();

  @ArchTest
  static final ArchRule layersUseOnlyTheLayersBelow = CoreLayers.layersUseOnlyTheLayersBelow();

  @ArchTest
  static final ArchRule nobodyUsesAnotherPackagesInternals =
      CoreLayers.nobodyUsesAnotherPackagesInternals();
}
