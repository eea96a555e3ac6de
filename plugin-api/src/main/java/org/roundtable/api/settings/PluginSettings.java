package org.roundtable.api.settings;

import java.time.LocalDate;

/**
 * The current tenant's values of the calling plugin's settings (its defaults until an administrator
 * changes them). Inject it; outside a request, bind the tenant first.
 *
 * @since 1.0.0
 */
public interface PluginSettings {

  /**
   * The value in force today.
   *
   * @param setting a setting the plugin declared
   * @param <T> its type
   * @return the value
   * @since 1.0.0
   */
  <T> T get(Setting<T> setting);

  /**
   * The value in force on a day: for a dated setting the latest value applying from that day or
   * earlier; for any other setting its current value.
   *
   * @param setting a setting the plugin declared
   * @param day the day
   * @param <T> its type
   * @return the value
   * @since 1.0.0
   */
  <T> T on(Setting<T> setting, LocalDate day);
}
