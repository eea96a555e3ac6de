package org.roundtable.core.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.core.plugin.InputShape;
import org.roundtable.core.plugin.RouteList;
import org.roundtable.steps.access.EndpointAccess;
import org.roundtable.steps.plugins.Plugins;

/**
 * The plugins' endpoints in the API description ({@code /openapi}): the server's scanner sees only
 * the core's resources, not the classes the plugin routers reach. This filter adds every API route
 * of every installed plugin from the same route list the security tests walk ({@link RouteList}),
 * with its parameters, the schema of the JSON it reads and (where its Java type says) answers, who
 * may call it, and a tag per plugin. Pages are not API: the scanner's entries for the pages'
 * application (everything outside {@code /api}) are removed.
 */
public class PluginApiDescription implements OASFilter {

  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null) {
      openAPI.setPaths(OASFactory.createObject(Paths.class));
    }
    for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
      if (!path.startsWith("/api/")) {
        openAPI.getPaths().removePathItem(path);
      }
    }
    List<PluginDescriptor> plugins = Plugins.discover(PluginApiDescription.class.getClassLoader());
    Map<String, String> names = new LinkedHashMap<>();
    plugins.forEach(p -> names.put(p.id(), p.name()));
    for (RouteList.Route route :
        RouteList.of(new RestApplication().getClasses(), List.of(), plugins)) {
      if (route.application() != RouteList.Application.API || route.owner().equals("core")) {
        continue;
      }
      PathItem item = openAPI.getPaths().getPathItem(route.path());
      if (item == null) {
        item = OASFactory.createObject(PathItem.class);
        openAPI.getPaths().addPathItem(route.path(), item);
      }
      item.setOperation(
          PathItem.HttpMethod.valueOf(route.method()), operation(route, names.get(route.owner())));
    }
    names.values().forEach(name -> openAPI.addTag(tag(name)));
  }

  private static Operation operation(RouteList.Route route, String pluginName) {
    Operation operation = OASFactory.createObject(Operation.class);
    operation.setOperationId(operationId(route));
    operation.addTag(pluginName);
    operation.setSummary(who(route.access()));
    route
        .guests()
        .ifPresent(
            guests -> {
              operation.setDescription(
                  "Guests of the record in {"
                      + guests.pathParam()
                      + "} too ("
                      + guests.resource()
                      + ").");
              operation.addExtension(
                  "x-roundtable-guests",
                  java.util.Map.of("resource", guests.resource(), "pathParam", guests.pathParam()));
            });
    if (route.access().kind() == EndpointAccess.Kind.PUBLIC) {
      operation.setSecurity(new ArrayList<>());
    }
    Matcher names = PATH_PARAMETER.matcher(route.path());
    while (names.find()) {
      operation.addParameter(
          OASFactory.createObject(Parameter.class)
              .name(names.group(1))
              .in(Parameter.In.PATH)
              .required(true)
              .schema(OASFactory.createObject(Schema.class).type(Schema.SchemaType.STRING)));
    }
    for (InputShape.Field query : route.query()) {
      operation.addParameter(
          OASFactory.createObject(Parameter.class)
              .name(query.name())
              .in(Parameter.In.QUERY)
              .schema(schema(query)));
    }
    route
        .body()
        .ifPresent(
            body ->
                operation.setRequestBody(
                    OASFactory.createObject(RequestBody.class)
                        .required(true)
                        .content(
                            content(
                                route.consumes().isEmpty()
                                    ? "application/json"
                                    : route.consumes().get(0),
                                schema(body)))));
    APIResponse success =
        OASFactory.createObject(APIResponse.class)
            .description(route.method().equals("POST") ? "Done (200 or 201)" : "OK");
    route.response().ifPresent(r -> success.setContent(content("application/json", schema(r))));
    APIResponse problem =
        OASFactory.createObject(APIResponse.class)
            .description(
                "An RFC 9457 problem: 400 refused input, 401 not signed in, 403 not allowed,"
                    + " 404 nothing there (or another council's), 409 conflict, 503 unavailable")
            .content(
                content(
                    "application/problem+json",
                    OASFactory.createObject(Schema.class).type(Schema.SchemaType.OBJECT)));
    operation.setResponses(
        OASFactory.createObject(APIResponses.class)
            .addAPIResponse(route.method().equals("POST") ? "201" : "200", success)
            .defaultValue(problem));
    return operation;
  }

  private static String who(EndpointAccess access) {
    return switch (access.kind()) {
      case PUBLIC -> "Anyone";
      case SIGNED_IN -> "Any signed-in member of the council";
      default ->
          access
              .permission()
              .map(p -> "Needs the permission " + p)
              .orElse("Signed-in callers: " + access.kind().name().toLowerCase().replace('_', ' '));
    };
  }

  private static String operationId(RouteList.Route route) {
    return route.owner()
        + "-"
        + route.method().toLowerCase()
        + route.path().replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+", "-");
  }

  private static Content content(String mediaType, Schema schema) {
    return OASFactory.createObject(Content.class)
        .addMediaType(mediaType, OASFactory.createObject(MediaType.class).schema(schema));
  }

  /** The OpenAPI schema of a value, from the shape its Java type gives it. */
  static Schema schema(InputShape.Field field) {
    Schema schema = OASFactory.createObject(Schema.class);
    switch (field.kind()) {
      case "text" -> schema.type(Schema.SchemaType.STRING);
      case "integer" -> schema.type(Schema.SchemaType.INTEGER);
      case "number" -> schema.type(Schema.SchemaType.NUMBER);
      case "boolean" -> schema.type(Schema.SchemaType.BOOLEAN);
      case "date" -> schema.type(Schema.SchemaType.STRING).format("date");
      case "time" -> schema.type(Schema.SchemaType.STRING).format("time");
      case "instant" -> schema.type(Schema.SchemaType.STRING).format("date-time");
      case "uuid" -> schema.type(Schema.SchemaType.STRING).format("uuid");
      case "choice" -> {
        schema.type(Schema.SchemaType.STRING);
        field.choices().forEach(schema::addEnumeration);
      }
      case "list" -> schema.type(Schema.SchemaType.ARRAY).items(schema(field.fields().get(0)));
      case "object" -> {
        schema.type(Schema.SchemaType.OBJECT);
        field.fields().forEach(f -> schema.addProperty(f.name(), schema(f)));
      }
      default -> {
        // any JSON value
      }
    }
    return schema;
  }

  private static Tag tag(String name) {
    return OASFactory.createObject(Tag.class).name(name);
  }
}
