package org.roundtable.core.web.ui;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.roundtable.api.security.Public;

/**
 * A council's colour (as a stylesheet setting one custom property, since pages allow no inline
 * style) and its logo. Public: the sign-in and error pages show them too.
 */
@Path("{tenant}/branding")
@Public
public class BrandingResource {

  /** The stylesheet's media type. */
  public static final String CSS = "text/css;charset=UTF-8";

  @Inject BrandingStore branding;

  @GET
  @Path("colours.css")
  public Response colours() {
    return Response.ok(stylesheet(branding.look().colour()), CSS)
        .header("Cache-Control", "public, max-age=300")
        .build();
  }

  /** A council's colours as the pages' stylesheet reads them. */
  public static String stylesheet(String colour) {
    return ":root{--rt-council-colour:" + colour + "}\n";
  }

  @GET
  @Path("logo")
  public Response logo() {
    BrandingStore.Logo logo = branding.logo().orElseThrow(NotFoundException::new);
    return Response.ok(logo.bytes(), logo.type())
        .header("Cache-Control", "public, max-age=300")
        .build();
  }
}
