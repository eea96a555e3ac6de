package org.roundtable.core.rest.internal;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

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
public class RestApplication extends Application {}
