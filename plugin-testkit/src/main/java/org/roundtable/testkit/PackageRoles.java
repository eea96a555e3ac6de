package org.roundtable.testkit;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;

/**
 * A plugin's packages by role, under the base package the plugin names (the rule assumes no name of
 * its own): {@code domain} (entities, their rules and transitions) knows nothing above it; {@code
 * application} (one class per use case) uses the domain; {@code api} (resources, request records)
 * and {@code pages} (page controllers) use both, and pages may use the API's views but never the
 * other way. Use it from a plugin's own ArchUnit test:
 *
 * <pre>{@code @ArchTest static final ArchRule roles = PackageRoles.under("org.example.plugin");}
 * </pre>
 */
public final class PackageRoles {

  private PackageRoles() {}

  /** The rule for the plugin whose classes live under {@code basePackage}. */
  public static ArchRule under(String basePackage) {
    String here = basePackage + ".";
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true) // a plugin without pages, or without an API, is fine
        .layer("Domain")
        .definedBy(here + "domain..")
        .layer("Application")
        .definedBy(here + "application..")
        .layer("Api")
        .definedBy(here + "api..")
        .layer("Pages")
        .definedBy(here + "pages..")
        .whereLayer("Pages")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Api")
        .mayOnlyBeAccessedByLayers("Pages")
        .whereLayer("Application")
        .mayOnlyBeAccessedByLayers("Api", "Pages")
        .whereLayer("Domain")
        .mayOnlyBeAccessedByLayers("Application", "Api", "Pages");
  }
}
