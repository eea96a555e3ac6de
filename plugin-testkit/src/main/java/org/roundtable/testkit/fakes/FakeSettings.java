package org.roundtable.testkit.fakes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.api.settings.Setting;
import org.roundtable.api.tenancy.TenantContext;

/**
 * The bound council's settings: each setting's default until the test sets a value, from a day for
 * dated settings, as an administrator would.
 */
public final class FakeSettings implements PluginSettings {

  private final PerCouncil<Map<String, NavigableMap<LocalDate, Object>>> values;
  private final Clock clock;

  public FakeSettings(TenantContext tenants, Clock clock) {
    this.values = new PerCouncil<>(tenants, HashMap::new);
    this.clock = clock;
  }

  /** Sets a value for the bound council, in force from now on. */
  public <T> FakeSettings set(Setting<T> setting, T value) {
    return set(setting, value, LocalDate.MIN);
  }

  /** Sets a value for the bound council, in force from a day (dated settings). */
  public <T> FakeSettings set(Setting<T> setting, T value, LocalDate from) {
    values.current().computeIfAbsent(setting.key(), k -> new TreeMap<>()).put(from, value);
    return this;
  }

  @Override
  public <T> T get(Setting<T> setting) {
    return on(setting, LocalDate.now(clock));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T on(Setting<T> setting, LocalDate day) {
    NavigableMap<LocalDate, Object> set = values.current().get(setting.key());
    if (set == null || set.floorEntry(day) == null) {
      return setting.defaultValue();
    }
    return (T) set.floorEntry(day).getValue();
  }
}
