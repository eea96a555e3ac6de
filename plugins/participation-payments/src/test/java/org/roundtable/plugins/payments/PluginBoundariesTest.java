package org.roundtable.plugins.payments;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.roundtable.testkit.PluginBoundaryRules;

/** A plugin sees the platform through the plugin API only, and never another plugin. */
@AnalyzeClasses(
    packages = "org.roundtable.plugins",
    importOptions = {ImportOption.DoNotIncludeTests.class, PluginBoundaryRules.NoTestJars.class})
class PluginBoundariesTest {

  @ArchTest static final ArchTests boundaries = ArchTests.in(PluginBoundaryRules.class);
}
