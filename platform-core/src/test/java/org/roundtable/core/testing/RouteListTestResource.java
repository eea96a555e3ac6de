package org.roundtable.core.testing;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.roundtable.api.security.SignedIn;
import org.roundtable.core.plugin.InputShape;
import org.roundtable.core.plugin.PluginCatalog;
import org.roundtable.core.plugin.RouteList;
import org.roundtable.core.rest.internal.RestApplication;
import org.roundtable.core.web.ui.WebApplication;

/**
 * TEST ONLY: the running application's own route list (both JAX-RS applications, the plugins behind
 * the routers as installed here, the sign-in pages), for tests that walk every route.
 */
@Path("v1/{tenant}/test-routes")
@SignedIn
public class RouteListTestResource {

  @Inject PluginCatalog plugins;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray routes() {
    JsonArrayBuilder routes = Json.createArrayBuilder();
    for (RouteList.Route route :
        RouteList.of(
            new RestApplication().getClasses(), new WebApplication().getClasses(), plugins.all())) {
      routes.add(
          Json.createObjectBuilder()
              .add("application", route.application().name())
              .add("method", route.method())
              .add("path", route.path())
              .add("access", route.access().kind().name())
              .add("permission", route.access().permission().orElse(""))
              .add("owner", route.owner())
              .add("consumes", Json.createArrayBuilder(route.consumes()))
              .add("query", fields(route.query()))
              .add(
                  "body",
                  route
                      .body()
                      .<JsonValue>map(RouteListTestResource::field)
                      .orElse(JsonValue.NULL)));
    }
    return routes.build();
  }

  private static JsonArrayBuilder fields(java.util.List<InputShape.Field> fields) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    fields.forEach(f -> array.add(field(f)));
    return array;
  }

  private static JsonObject field(InputShape.Field field) {
    return Json.createObjectBuilder()
        .add("name", field.name())
        .add("kind", field.kind())
        .add("choices", Json.createArrayBuilder(field.choices()))
        .add("fields", fields(field.fields()))
        .build();
  }
}
