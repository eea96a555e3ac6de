package org.roundtable.core.rest.internal;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.roundtable.core.identity.AuthenticationFilter;
import org.roundtable.core.identity.AuthorizationFilter;
import org.roundtable.core.request.CommitFailures;

/** The JSON API, under {@code /api}. Tenant resources live under {@code /api/v1/{tenant}}. */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Roundtable API",
            version = "1",
            description =
                "Co-production for councils. Every tenant (council) has its own API under"
                    + " /api/v1/{tenant}; errors are RFC 9457 problem details.",
            license = @License(name = "Apache-2.0")),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class RestApplication extends Application {

  /**
   * Listed, not scanned: the pages are a second JAX-RS application ({@code WebApplication}), and
   * scanning would mount each application's classes in the other.
   */
  /**
   * Where a deployment names extra API resources, one class per line: how the test deployments add
   * their test-only endpoints to the listed classes. The shipped WAR has none.
   */
  static final String EXTRA_RESOURCES = "META-INF/roundtable/api-resources";

  /**
   * Jakarta MVC's response filter, which Eclipse Krazo (Payara's MVC) registers in every JAX-RS
   * application of a WAR that has controllers, with eight other filters and providers. Listed here
   * it tells Krazo this application is set up already (its {@code Initializer} looks for exactly
   * this class), so the API, which has no controllers, is spared the rest: two of them built per
   * request and scanned the class path for services, a third of a plugin read's processor time.
   * This one returns at once for a method that is no controller.
   */
  static final String MVC_RESPONSE_FILTER = "org.eclipse.krazo.core.ViewResponseFilter";

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new java.util.LinkedHashSet<>(platformClasses());
    try {
      classes.add(Class.forName(MVC_RESPONSE_FILTER, true, RestApplication.class.getClassLoader()));
    } catch (ClassNotFoundException e) {
      // Not Payara's Krazo: nothing to keep out.
    }
    ClassLoader loader = RestApplication.class.getClassLoader();
    try {
      for (java.net.URL list : java.util.Collections.list(loader.getResources(EXTRA_RESOURCES))) {
        try (var in = list.openStream()) {
          for (String line :
              new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank()) {
              classes.add(Class.forName(line.strip(), true, loader));
            }
          }
        }
      }
    } catch (java.io.IOException | ClassNotFoundException e) {
      throw new IllegalStateException("Cannot read " + EXTRA_RESOURCES + ": " + e.getMessage(), e);
    }
    return classes;
  }

  private static Set<Class<?>> platformClasses() {
    return Set.of(
        AuthenticationFilter.class,
        AuthorizationFilter.class,
        AuditResource.class,
        MeResource.class,
        MemberResource.class,
        OperatorBenefitLimitResource.class,
        OperatorResealingResource.class,
        OperatorTenantResource.class,
        PermissionResource.class,
        PluginResource.class,
        PluginRouter.class,
        TenantProfileResource.class,
        TenantSettingsResource.class,
        InvalidJsonMapper.class,
        DomainExceptionMapper.class,
        JsonInputGuard.class,
        QueryInputGuard.class,
        ProblemExceptionMapper.class,
        UnexpectedExceptionMapper.class,
        CommitFailures.class,
        ValidationExceptionMapper.class,
        WebApplicationExceptionMapper.class);
  }
}
