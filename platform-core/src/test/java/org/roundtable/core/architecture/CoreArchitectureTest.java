package org.roundtable.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import org.roundtable.api.persistence.TenantOwned;
import org.roundtable.testkit.PluginBoundaryRules;

@AnalyzeClasses(packages = "org.roundtable", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

  /** Nothing may answer from memory across tenants. */
  @ArchTest
  static final ArchRule noEntityIsCacheable =
      noClasses()
          .that()
          .areAnnotatedWith(Entity.class)
          .should()
          .beAnnotatedWith(Cacheable.class)
          .because("a shared cache answers one tenant's rows to another");

  /** Every core entity is tenant-owned, except the tenant registry and national reference data. */
  @ArchTest
  static final ArchRule coreEntitiesAreTenantOwned =
      classes()
          .that()
          .areAnnotatedWith(Entity.class)
          .and()
          .resideOutsideOfPackages(
              // the tenants themselves, and national reference data the same for every tenant
              "org.roundtable.core.reference")
          .and()
          .doNotHaveFullyQualifiedName("org.roundtable.core.tenancy.TenantRecord")
          .should()
          .beAnnotatedWith(TenantOwned.class);

  /**
   * The development servers (roundtable-dev-servers) never leak into the application's code: the
   * WAR holds none of them.
   */
  @ArchTest
  static final ArchRule applicationDoesNotUseTheDevelopmentServers =
      noClasses()
          .that()
          .resideInAPackage("org.roundtable.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.roundtable.devservers..", "io.zonky..", "com.icegreen..");

  /** The core's form posts have their token checked, as plugins' do. */
  @ArchTest
  static final ArchRule everyPagePostIsAController =
      PluginBoundaryRules.everyPagePostIsAControllerWithItsFormTokenChecked;

  /** The core's endpoints and pages say who may call them, as plugins' must. */
  @ArchTest
  static final ArchRule everyEndpointDeclaresWhoMayCallIt =
      PluginBoundaryRules.everyEndpointDeclaresWhoMayCallIt;
}
