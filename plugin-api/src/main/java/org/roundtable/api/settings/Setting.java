package org.roundtable.api.settings;

import java.util.Objects;

/**
 * A per-tenant setting a plugin declares: its key, a label and hint for people, its type and its
 * default. A <i>dated</i> setting holds values that each apply from a day ({@link #dated}).
 *
 * @param <T> the Java type of its value
 * @since 1.0.0
 */
public final class Setting<T> {

  private final String key;
  private final String label;
  private final String hint;
  private final SettingType<T> type;
  private final T defaultValue;
  private final boolean dated;

  private Setting(
      String key, String label, String hint, SettingType<T> type, T defaultValue, boolean dated) {
    if (key == null || !key.matches("[a-z][a-zA-Z0-9-]{0,59}")) {
      throw new IllegalArgumentException("A setting key is a short lower-camel or kebab name");
    }
    this.key = key;
    this.label = Objects.requireNonNull(label, "label");
    this.hint = Objects.requireNonNull(hint, "hint");
    this.type = Objects.requireNonNull(type, "type");
    this.defaultValue = Objects.requireNonNull(defaultValue, "default");
    this.dated = dated;
  }

  /**
   * A setting with one value at a time.
   *
   * @param key its key, unique in the plugin
   * @param label a short label for a form
   * @param hint a sentence explaining it, in plain English
   * @param type its type
   * @param defaultValue its value until a tenant changes it
   * @param <T> the Java type of its value
   * @return the setting
   * @since 1.0.0
   */
  public static <T> Setting<T> of(
      String key, String label, String hint, SettingType<T> type, T defaultValue) {
    return new Setting<>(key, label, hint, type, defaultValue, false);
  }

  /**
   * A setting whose values each apply from a day: asking for the value on a day gives the one in
   * force then, so a change from 1 April leaves what happened in March at the old value.
   *
   * @param key its key, unique in the plugin
   * @param label a short label for a form
   * @param hint a sentence explaining it, in plain English
   * @param type the type of each value
   * @param defaultValue its value on any day before the tenant's first dated value
   * @param <T> the Java type of its value
   * @return the setting
   * @since 1.0.0
   */
  public static <T> Setting<T> dated(
      String key, String label, String hint, SettingType<T> type, T defaultValue) {
    return new Setting<>(key, label, hint, type, defaultValue, true);
  }

  /**
   * @return its key
   * @since 1.0.0
   */
  public String key() {
    return key;
  }

  /**
   * @return its label
   * @since 1.0.0
   */
  public String label() {
    return label;
  }

  /**
   * @return its hint
   * @since 1.0.0
   */
  public String hint() {
    return hint;
  }

  /**
   * @return its type
   * @since 1.0.0
   */
  public SettingType<T> type() {
    return type;
  }

  /**
   * @return its default value
   * @since 1.0.0
   */
  public T defaultValue() {
    return defaultValue;
  }

  /**
   * @return whether its values are dated from a day
   * @since 1.0.0
   */
  public boolean isDated() {
    return dated;
  }
}
