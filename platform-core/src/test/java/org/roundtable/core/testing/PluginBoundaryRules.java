package org.roundtable.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plugin testkit's boundary rules, for every plugin's own ArchUnit test: a plugin sees the
 * platform through the plugin API only, and never another plugin. Use them with {@code @ArchTest
 * static final ArchTests boundaries = ArchTests.in(PluginBoundaryRules.class);}, importing with
 * {@link ImportOption.DoNotIncludeTests} and {@link NoTestJars}.
 */
public final class PluginBoundaryRules {

  @ArchTest
  public static final ArchRule noPluginImportsTheCore =
      noClasses()
          .that()
          .resideInAPackage("org.roundtable.plugins..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.roundtable.core..")
          .because("plugins compile against roundtable-plugin-api alone");

  @ArchTest
  public static final ArchRule noPluginImportsAnotherPlugin =
      slices()
          .matching("org.roundtable.plugins.(*)..")
          .should()
          .notDependOnEachOther()
          .because("plugins talk through the API's events and published interfaces");

  /** Leaves out other modules' test JARs (a plugin's tests may use another plugin's drivers). */
  /**
   * Every form post of a page is checked for the session's form token: Jakarta MVC checks the posts
   * of controllers, so a page class's POST methods must be controllers (on the method, or the whole
   * class). Page classes are named {@code …Page} or {@code …Pages}.
   */
  public static final ArchRule everyPagePostIsAControllerWithItsFormTokenChecked =
      com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
          .that()
          .areAnnotatedWith(jakarta.ws.rs.POST.class)
          .and()
          .areDeclaredInClassesThat()
          .haveNameMatching(".*Pages?")
          .should(
              new com.tngtech.archunit.lang.ArchCondition<
                  com.tngtech.archunit.core.domain.JavaMethod>(
                  "be a controller (so its form token is checked)") {
                @Override
                public void check(
                    com.tngtech.archunit.core.domain.JavaMethod method,
                    com.tngtech.archunit.lang.ConditionEvents events) {
                  boolean controller =
                      method.isAnnotatedWith(jakarta.mvc.Controller.class)
                          || method.getOwner().isAnnotatedWith(jakarta.mvc.Controller.class);
                  if (!controller) {
                    events.add(
                        com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                            method,
                            method.getFullName() + " posts a form without its token check"));
                  }
                }
              });

  public static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }

  private PluginBoundaryRules() {}
}
