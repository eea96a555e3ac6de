package org.roundtable.plugins.training;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.roundtable.testkit.PluginBoundaryRules;

/**
 * The platform's rules for every plugin: it sees the platform through the plugin API only, never
 * another plugin; every endpoint says who may call it; every page form is checked for its token;
 * errors are the API's domain errors.
 */
@AnalyzeClasses(
    packages = "org.roundtable.plugins.training",
    importOptions = {ImportOption.DoNotIncludeTests.class, PluginBoundaryRules.NoTestJars.class})
class PluginBoundariesTest {

  @ArchTest static final ArchTests boundaries = ArchTests.in(PluginBoundaryRules.class);
}
