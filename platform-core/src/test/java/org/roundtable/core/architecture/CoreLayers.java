package org.roundtable.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The core's layers, bottom to top — where a newcomer finds each part of a request's path:
 *
 * <ol>
 *   <li>{@code request}: the request's context (id, judged path, cookies) and the problem types
 *       every answer uses;
 *   <li>{@code tenancy}: councils, and the one each request and transaction is bound to;
 *   <li>{@code persistence}: the database, its two locks and sealed values;
 *   <li>shared services: {@code audit}, {@code mail}, {@code member}, {@code reference};
 *   <li>{@code identity}: who the caller is (where a request is authenticated), roles, permissions,
 *       sessions and the realms behind them;
 *   <li>the plugin runtime ({@code plugin}: where a plugin is mounted), {@code events}, {@code
 *       participation};
 *   <li>use cases: {@code onboarding} (councils and their files), {@code operations} (their jobs
 *       and failed deliveries), {@code personaldata}, {@code resealing};
 *   <li>on top, what answers requests: {@code rest} (the API), {@code web} (where a council is
 *       fixed for a request and a page is rendered), {@code health}.
 * </ol>
 *
 * Lower layers never use higher ones: where one must know something only a higher layer has, it
 * declares an interface the higher one implements (the audit trail's {@code Actors}, identity's
 * {@code InstalledPlugins}).
 */
final class CoreLayers {

  private static final String CORE = "org.roundtable.core.";

  private CoreLayers() {}

  /** No two top-level packages of the core depend on each other, directly or round a loop. */
  static ArchRule topLevelPackagesAreFreeOfCycles() {
    return slices()
        .matching("org.roundtable.core.(*)..")
        .should()
        .beFreeOfCycles()
        .because("a newcomer reads the core from the bottom up, one layer at a time");
  }

  /** Each layer uses only the layers below it. */
  static ArchRule layersUseOnlyTheLayersBelow() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Request")
        .definedBy(CORE + "request..")
        .layer("Tenancy")
        .definedBy(CORE + "tenancy..")
        .layer("Persistence")
        .definedBy(CORE + "persistence..")
        .layer("Services")
        .definedBy(CORE + "audit..", CORE + "mail..", CORE + "member..", CORE + "reference..")
        .layer("Identity")
        .definedBy(CORE + "identity..")
        .layer("Runtime")
        .definedBy(CORE + "plugin..", CORE + "events..", CORE + "participation..")
        .layer("UseCases")
        .definedBy(
            CORE + "onboarding..",
            CORE + "operations..",
            CORE + "personaldata..",
            CORE + "resealing..")
        .layer("Interfaces")
        .definedBy(CORE + "rest..", CORE + "web..", CORE + "health..")
        .whereLayer("Interfaces")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("UseCases")
        .mayOnlyBeAccessedByLayers("Interfaces")
        .whereLayer("Runtime")
        .mayOnlyBeAccessedByLayers("UseCases", "Interfaces")
        .whereLayer("Identity")
        .mayOnlyBeAccessedByLayers("Runtime", "UseCases", "Interfaces")
        .whereLayer("Services")
        .mayOnlyBeAccessedByLayers("Identity", "Runtime", "UseCases", "Interfaces")
        .whereLayer("Persistence")
        .mayOnlyBeAccessedByLayers("Services", "Identity", "Runtime", "UseCases", "Interfaces")
        .whereLayer("Tenancy")
        .mayOnlyBeAccessedByLayers(
            "Persistence", "Services", "Identity", "Runtime", "UseCases", "Interfaces");
  }

  /** A package's {@code internal} classes are its own: nothing outside it uses them. */
  static ArchRule nobodyUsesAnotherPackagesInternals() {
    return classes()
        .should(
            new ArchCondition<JavaClass>("use only their own package's internal classes") {
              @Override
              public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                  String target = dependency.getTargetClass().getPackageName();
                  if (target.startsWith(CORE) && !owns(origin.getPackageName(), target)) {
                    events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
                  }
                }
              }
            })
        .because("internal packages can change without their users knowing");
  }

  /** Whether {@code origin} may use {@code target}'s package (it is inside what owns it). */
  static boolean owns(String origin, String target) {
    int internal = target.indexOf(".internal");
    return internal < 0 || origin.startsWith(target.substring(0, internal));
  }
}
