package org.roundtable.core.web.ui;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.roundtable.api.security.Public;

/**
 * The pages' stylesheet and scripts, compiled at build time (GOV.UK Frontend's Sass with a system
 * font; no fonts or images of central government). Served by name from a fixed list.
 */
@Path("assets/{name}")
@Public
public class AssetResource {

  private static final Map<String, String> TYPES =
      Map.of(
          "roundtable.css", "text/css;charset=UTF-8",
          "govuk-frontend.min.js", "text/javascript;charset=UTF-8",
          "roundtable.js", "text/javascript;charset=UTF-8");

  @GET
  public Response asset(@PathParam("name") String name) {
    String type = TYPES.get(name);
    if (type == null) {
      throw new NotFoundException();
    }
    try (InputStream in =
        AssetResource.class.getClassLoader().getResourceAsStream("assets/" + name)) {
      if (in == null) {
        throw new NotFoundException();
      }
      return Response.ok(in.readAllBytes(), type)
          .header("Cache-Control", "public, max-age=3600")
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
