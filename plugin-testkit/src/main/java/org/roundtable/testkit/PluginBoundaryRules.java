package org.roundtable.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ws.rs.HttpMethod;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.Optional;
import org.roundtable.steps.access.EndpointAccess;

/**
 * The plugin testkit's boundary rules, for every plugin's own ArchUnit test (and the core's): a
 * plugin sees the platform through the plugin API only, and never another plugin; every endpoint
 * says who may call it; every form post has its token checked. Use them with {@code @ArchTest
 * static final ArchTests boundaries = ArchTests.in(PluginBoundaryRules.class);}, importing with
 * {@link ImportOption.DoNotIncludeTests} and {@link NoTestJars}.
 */
public final class PluginBoundaryRules {

  /**
   * A plugin compiles against the plugin API alone: none of its classes, whatever its packages,
   * uses the core, the platform's shared steps or the development servers.
   */
  @ArchTest
  public static final ArchRule noPluginImportsTheCore =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.roundtable.core..", "org.roundtable.steps..", "org.roundtable.devservers..")
          .because("plugins compile against roundtable-plugin-api alone");

  /**
   * Plugins talk through the API's events and published interfaces: no class uses a class that
   * comes from another plugin's JAR (one declaring a {@code PlatformPlugin} service), whatever its
   * package.
   */
  @ArchTest
  public static final ArchRule noPluginImportsAnotherPlugin =
      noClasses()
          .should(
              new ArchCondition<JavaClass>("use a class of another plugin") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                  Optional<URL> home = OtherPlugins.locationOf(type);
                  if (home.isEmpty()) {
                    return; // not loadable here (a shaded library's optional part): nothing to
                    // judge
                  }
                  for (var dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    Optional<URL> there = OtherPlugins.locationOf(target);
                    if (there.isPresent()
                        && !there.equals(home)
                        && OtherPlugins.isPlugin(there.get())) {
                      events.add(SimpleConditionEvent.satisfied(type, dependency.getDescription()));
                    }
                  }
                }
              })
          .because("plugins talk through the API's events and published interfaces");

  /**
   * A plugin says why a request cannot be done in the platform's domain errors ({@code NotFound},
   * {@code Refused}, {@code Conflict}, {@code Forbidden}, {@code Unavailable}), which the platform
   * maps once for the API and the pages; no class uses JAX-RS's exceptions.
   */
  @ArchTest
  public static final ArchRule noPluginUsesJaxRsExceptions =
      noClasses()
          .should()
          .dependOnClassesThat()
          .areAssignableTo(jakarta.ws.rs.WebApplicationException.class)
          .because(
              "plugins throw the plugin API's domain errors (org.roundtable.api.errors), which the"
                  + " platform maps to problems and pages");

  /**
   * Every form post of a page is checked for the session's form token: Jakarta MVC checks the posts
   * of controllers, so a page class's POST methods must be controllers (on the method, or the whole
   * class). Page classes are named {@code …Page} or {@code …Pages}.
   */
  /**
   * A page method that sends a file ({@code Download.attachment}) is not a Jakarta MVC controller:
   * a controller's {@code Response} entity is taken for a view's name, and the download fails with
   * a server error. Put {@code @Controller} on each page method instead of the class, or give the
   * downloads a class of their own (docs: pages-and-fragments.md, "Downloads").
   */
  @ArchTest
  public static final ArchRule noControllerSendsAFile =
      com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
          .should(
              new com.tngtech.archunit.lang.ArchCondition<
                  com.tngtech.archunit.core.domain.JavaMethod>(
                  "not be a controller if it sends a file") {
                @Override
                public void check(
                    com.tngtech.archunit.core.domain.JavaMethod method,
                    com.tngtech.archunit.lang.ConditionEvents events) {
                  boolean sendsAFile =
                      method.getMethodCallsFromSelf().stream()
                          .anyMatch(
                              call ->
                                  call.getTargetOwner()
                                          .isEquivalentTo(org.roundtable.api.web.Download.class)
                                      && call.getName().equals("attachment"));
                  boolean controller =
                      method.isAnnotatedWith(jakarta.mvc.Controller.class)
                          || method.getOwner().isAnnotatedWith(jakarta.mvc.Controller.class);
                  if (sendsAFile && controller) {
                    events.add(
                        com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                            method,
                            method.getFullName()
                                + " sends a file from a controller, which takes the file for a"
                                + " view's name: mark @Controller on the other methods instead"));
                  }
                }
              })
          .allowEmptyShould(true);

  @ArchTest
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
              })
          // A plugin with no pages, or pages without forms, has nothing to check here.
          .allowEmptyShould(true);

  /**
   * Deny by default: every resource or page method (one answering an HTTP method, also through an
   * interface or superclass) declares who may call it — {@code Public}, {@code SignedIn}, {@code
   * RequiresPermission} or, in the core, {@code OperatorOnly} — on itself, its class, or a
   * superclass or interface of either, exactly as the platform reads it when a request arrives
   * ({@link EndpointAccess}). An undeclared one answers 404 at run time; this fails the build
   * first.
   */
  @ArchTest
  public static final ArchRule everyEndpointDeclaresWhoMayCallIt =
      classes()
          .that()
          .areNotInterfaces()
          .and()
          .doNotHaveModifier(JavaModifier.ABSTRACT)
          .should(
              new ArchCondition<JavaClass>("declare who may call each of its endpoints") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                  if (!answersHttp(type)) {
                    return;
                  }
                  Class<?> reflected = type.reflect();
                  for (Method method : reflected.getMethods()) {
                    if (EndpointAccess.isEndpoint(method)
                        && EndpointAccess.of(reflected, method).kind()
                            == EndpointAccess.Kind.UNDECLARED) {
                      events.add(
                          SimpleConditionEvent.violated(
                              type,
                              type.getName()
                                  + "."
                                  + method.getName()
                                  + " declares nobody who may call it (Public, SignedIn,"
                                  + " RequiresPermission or OperatorOnly), or more than one"));
                    }
                  }
                }
              });

  /** Whether a class or one of its supertypes has a method answering an HTTP method. */
  private static boolean answersHttp(JavaClass type) {
    return type.getAllMethods().stream()
        .flatMap(method -> method.getAnnotations().stream())
        .anyMatch(annotation -> annotation.getRawType().isAnnotatedWith(HttpMethod.class));
  }

  /** Leaves out other modules' test JARs (a plugin's tests may use another plugin's drivers). */
  public static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }

  private PluginBoundaryRules() {}
}
