package org.roundtable.core.rest.internal;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.settings.Setting;
import org.roundtable.core.identity.Permissions;
import org.roundtable.core.plugin.PluginActivations;
import org.roundtable.core.request.ProblemException;

/**
 * The tenant's plugins: which are on, and their settings with the declarations a form is built
 * from. Tenant administrators switch them and change settings; {@code tenant.yaml} only seeds them.
 */
@Path("v1/{tenant}/plugins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresPermission(Permissions.TENANT_MANAGE)
public class PluginResource {

  @Inject PluginActivations activations;

  @GET
  @Operation(summary = "The installed plugins, whether each is on here, and their settings")
  public JsonValue list() {
    JsonArrayBuilder plugins = JSON.createArrayBuilder();
    activations.all().forEach(state -> plugins.add(view(state)));
    return plugins.build();
  }

  @GET
  @Path("{plugin}")
  @Operation(summary = "One plugin, whether it is on here, and its settings")
  public JsonObject get(@PathParam("plugin") String pluginId) {
    return activations.all().stream()
        .filter(state -> state.plugin().id().equals(pluginId))
        .findFirst()
        .map(PluginResource::view)
        .orElseThrow(() -> ProblemException.notFound("The plugin " + pluginId));
  }

  @PUT
  @Path("{plugin}")
  @Operation(
      summary = "Switch a plugin on or off here, and change its settings",
      description =
          "Body: {\"enabled\": true, \"settings\": {...}}. The settings sent replace the"
              + " stored ones (a setting left out reads as its default); without"
              + " \"settings\" they are kept;"
              + " a dated setting is a list of {\"from\": \"2027-04-01\", \"value\": ...}."
              + " Switched off, the plugin's endpoints answer 404 here and its data is kept.")
  public JsonObject change(@PathParam("plugin") String pluginId, JsonObject body) {
    JsonValue enabled = body == null ? null : body.get("enabled");
    if (enabled != JsonValue.TRUE && enabled != JsonValue.FALSE) {
      throw ProblemException.invalid("enabled", "must be true or false");
    }
    JsonValue settings = body.get("settings");
    if (settings != null && settings.getValueType() != JsonValue.ValueType.OBJECT) {
      throw ProblemException.invalid("settings", "must be an object");
    }
    return view(
        activations.change(
            pluginId,
            enabled == JsonValue.TRUE,
            Optional.ofNullable(settings).map(JsonValue::asJsonObject)));
  }

  private static JsonObject view(PluginActivations.State state) {
    JsonArrayBuilder declared = JSON.createArrayBuilder();
    for (Setting<?> setting : state.plugin().settings()) {
      declared.add(declaration(setting, state.settings()));
    }
    return JSON.createObjectBuilder()
        .add("id", state.plugin().id())
        .add("name", state.plugin().name())
        .add("version", state.plugin().version())
        .add("enabled", state.enabled())
        .add("settings", declared)
        .build();
  }

  private static <T> JsonObjectBuilder declaration(Setting<T> setting, JsonObject stored) {
    JsonObjectBuilder view =
        JSON.createObjectBuilder()
            .add("key", setting.key())
            .add("label", setting.label())
            .add("hint", setting.hint())
            .add("type", setting.type().kind())
            .add("dated", setting.isDated())
            .add("default", setting.type().write(setting.defaultValue()));
    JsonValue value = stored.get(setting.key());
    view.add("value", value == null ? JsonValue.NULL : value);
    return view;
  }
}
