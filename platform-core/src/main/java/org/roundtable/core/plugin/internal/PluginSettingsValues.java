package org.roundtable.core.plugin.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.LocalDate;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.api.settings.Setting;
import org.roundtable.api.time.UkTime;
import org.roundtable.core.plugin.PluginActivations;
import org.roundtable.core.plugin.PluginCatalog;

/** {@link PluginSettings} for plugins: the current tenant's values, else the declared defaults. */
@ApplicationScoped
public class PluginSettingsValues implements PluginSettings {

  @Inject PluginCatalog catalog;
  @Inject PluginActivations activations;
  @Inject Clock clock;

  @Override
  public <T> T get(Setting<T> setting) {
    return on(setting, LocalDate.ofInstant(clock.instant(), UkTime.ZONE));
  }

  @Override
  public <T> T on(Setting<T> setting, LocalDate day) {
    String plugin =
        catalog
            .ownerOf(setting)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The setting "
                            + setting.key()
                            + " is not declared by an installed plugin"));
    JsonObject settings = activations.settings(plugin);
    JsonValue stored = settings.get(setting.key());
    if (stored == null) {
      return setting.defaultValue();
    }
    if (!setting.isDated()) {
      return setting.type().read(stored);
    }
    JsonValue inForce = null;
    for (JsonValue period : (JsonArray) stored) {
      JsonObject dated = period.asJsonObject();
      if (!LocalDate.parse(dated.getString("from")).isAfter(day)) {
        inForce = dated.get("value");
      }
    }
    return inForce == null ? setting.defaultValue() : setting.type().read(inForce);
  }
}
