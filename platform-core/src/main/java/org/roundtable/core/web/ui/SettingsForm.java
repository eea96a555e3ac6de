package org.roundtable.core.web.ui;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.roundtable.api.money.Money;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.api.settings.Setting;
import org.roundtable.api.settings.SettingType;
import org.roundtable.api.web.FormErrors;
import org.roundtable.api.web.FormFields;

/**
 * The administration form of a plugin's settings, built from their declarations alone: a plugin
 * needs no template to be configurable. Each kind of setting gets the GOV.UK pattern people know
 * (text, whole numbers, pounds and pence, yes/no, a choice, minutes, a date, a list one item a
 * line); a record, or a list of records, is edited as JSON. A dated setting shows the value in
 * force today and takes a day the new value applies from, so earlier activities keep the old one.
 */
public final class SettingsForm {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu");

  /**
   * One field of the form.
   *
   * @param key the setting's key, also the field's id and name
   * @param label its label
   * @param hint its hint
   * @param input how it is entered: {@code text}, {@code number}, {@code money}, {@code yesno},
   *     {@code choice}, {@code minutes}, {@code date}, {@code lines} or {@code json}
   * @param value the value as the field shows it
   * @param choices for a choice, the values allowed
   * @param dated whether it changes from a day
   * @param from for a dated setting, the day the shown value applies from
   */
  public record Field(
      String key,
      String label,
      String hint,
      String input,
      String value,
      List<String> choices,
      boolean dated,
      String from) {}

  /** The form read back: the settings to store, or the errors to show beside the fields. */
  public record Submitted(JsonObject settings, List<Field> fields, FormErrors errors) {}

  private SettingsForm() {}

  /** The form as stored settings fill it, on {@code today}. */
  public static List<Field> fields(PluginDescriptor plugin, JsonObject stored, LocalDate today) {
    List<Field> fields = new ArrayList<>();
    for (Setting<?> setting : plugin.settings()) {
      JsonValue value = current(setting, stored.get(setting.key()), today);
      fields.add(
          field(setting, show(setting.type(), value), setting.isDated() ? DAY.format(today) : ""));
    }
    return fields;
  }

  /** Reads a submitted form: every field checked, dated values added from their day. */
  public static Submitted read(
      PluginDescriptor plugin,
      JsonObject stored,
      MultivaluedMap<String, String> form,
      LocalDate today) {
    FormErrors errors = new FormErrors();
    List<Field> fields = new ArrayList<>();
    JsonObjectBuilder settings = JSON.createObjectBuilder(stored);
    for (Setting<?> setting : plugin.settings()) {
      String key = setting.key();
      String typed = Optional.ofNullable(form.getFirst(key)).orElse("");
      String fromText = FormFields.text(form, key + "-from");
      fields.add(field(setting, typed, fromText));
      JsonValue value;
      try {
        value = parse(setting.type(), typed);
        setting.type().read(value);
      } catch (IllegalArgumentException e) {
        errors.add(key, setting.label() + ": " + message(setting.type(), e));
        continue;
      }
      if (!setting.isDated()) {
        settings.add(key, value);
        continue;
      }
      Optional<LocalDate> fromDay = FormFields.day(fromText);
      if (fromDay.isEmpty()) {
        errors.add(
            key + "-from", setting.label() + ": enter the day it applies from, like 1/4/2027");
        continue;
      }
      LocalDate from = fromDay.get();
      JsonValue inForce = current(setting, stored.get(key), from);
      if (value.equals(inForce)) {
        continue;
      }
      settings.add(key, withPeriod(stored.get(key), from, value));
    }
    return new Submitted(settings.build(), fields, errors);
  }

  private static Field field(Setting<?> setting, String value, String from) {
    SettingType<?> type = setting.type();
    return new Field(
        setting.key(),
        setting.label(),
        setting.hint() + hintFor(type),
        input(type),
        value,
        type.choices(),
        setting.isDated(),
        from);
  }

  private static String input(SettingType<?> type) {
    return switch (type.kind()) {
      case "text", "number", "money", "choice", "date" -> type.kind();
      case "boolean" -> "yesno";
      case "duration" -> "minutes";
      case "list" -> type.element().map(SettingsForm::isSimple).orElse(false) ? "lines" : "json";
      default -> "json";
    };
  }

  private static boolean isSimple(SettingType<?> type) {
    return switch (type.kind()) {
      case "text", "number", "money", "choice", "date", "duration" -> true;
      default -> false;
    };
  }

  private static String hintFor(SettingType<?> type) {
    return switch (input(type)) {
      case "money" -> " In pounds and pence, like 30.00.";
      case "minutes" -> " In minutes.";
      case "date" -> " For example, 1/4/2027.";
      case "lines" -> " One on each line.";
      case "json" ->
          " Written as JSON"
              + (type.fields().isEmpty()
                      && type.element().isPresent()
                      && !type.element().get().fields().isEmpty()
                  ? ": a list of {"
                      + String.join(", ", type.element().get().fields().keySet())
                      + "}."
                  : type.fields().isEmpty()
                      ? "."
                      : " with " + String.join(", ", type.fields().keySet()) + ".");
      default -> "";
    };
  }

  /** The value in force on a day (a dated setting), or the value itself. */
  private static JsonValue current(Setting<?> setting, JsonValue stored, LocalDate day) {
    if (stored == null || stored == JsonValue.NULL) {
      return write(setting);
    }
    if (!setting.isDated()) {
      return stored;
    }
    JsonValue found = null;
    for (JsonValue period : stored.asJsonArray()) {
      JsonObject dated = period.asJsonObject();
      if (!LocalDate.parse(dated.getString("from")).isAfter(day)) {
        found = dated.get("value");
      }
    }
    return found == null ? write(setting) : found;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static JsonValue write(Setting<?> setting) {
    return ((SettingType) setting.type()).write(setting.defaultValue());
  }

  private static JsonArray withPeriod(JsonValue stored, LocalDate from, JsonValue value) {
    JsonArrayBuilder periods = JSON.createArrayBuilder();
    if (stored instanceof JsonArray existing) {
      for (JsonValue period : existing) {
        if (!period.asJsonObject().getString("from").equals(from.toString())) {
          periods.add(period);
        }
      }
    }
    periods.add(JSON.createObjectBuilder().add("from", from.toString()).add("value", value));
    return periods.build();
  }

  /** A stored value as its field shows it. */
  static String show(SettingType<?> type, JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return "";
    }
    return switch (input(type)) {
      case "text", "choice" -> ((JsonString) value).getString();
      case "number" -> value.toString();
      case "money" -> UkFormat.INSTANCE.pounds(((JsonNumber) value).longValue());
      case "yesno" -> value == JsonValue.TRUE ? "yes" : "no";
      case "minutes" -> Long.toString(Duration.parse(((JsonString) value).getString()).toMinutes());
      case "date" -> DAY.format(LocalDate.parse(((JsonString) value).getString()));
      case "lines" -> {
        SettingType<?> element = type.element().orElseThrow();
        List<String> lines = new ArrayList<>();
        value.asJsonArray().forEach(item -> lines.add(show(element, item)));
        yield String.join("\n", lines);
      }
      default -> value.toString();
    };
  }

  /** What someone typed, as the JSON the setting's type reads. */
  static JsonValue parse(SettingType<?> type, String typed) {
    String text = typed.strip();
    return switch (input(type)) {
      case "text", "choice" -> JSON.createValue(text);
      case "number" -> {
        try {
          yield JSON.createValue(Long.parseLong(text.replace(",", "")));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("enter a whole number, like 10");
        }
      }
      case "money" -> {
        try {
          yield JSON.createValue(Money.parse(text).pence());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("enter an amount in pounds and pence, like 30.00");
        }
      }
      case "yesno" -> {
        if (!text.equals("yes") && !text.equals("no")) {
          throw new IllegalArgumentException("select yes or no");
        }
        yield text.equals("yes") ? JsonValue.TRUE : JsonValue.FALSE;
      }
      case "minutes" -> {
        try {
          yield JSON.createValue(Duration.ofMinutes(Long.parseLong(text)).toString());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("enter a number of minutes, like 30");
        }
      }
      case "date" -> {
        yield JSON.createValue(
            FormFields.day(text)
                .orElseThrow(() -> new IllegalArgumentException("enter a date like 1/4/2027"))
                .toString());
      }
      case "lines" -> {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        SettingType<?> element = type.element().orElseThrow();
        int line = 0;
        for (String item : text.split("\\R")) {
          line++;
          if (!item.isBlank()) {
            try {
              items.add(parse(element, item));
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("line " + line + ": " + e.getMessage());
            }
          }
        }
        yield items.build();
      }
      default -> {
        try (var reader = JSON.createReader(new StringReader(text))) {
          yield reader.readValue();
        } catch (JsonParsingException e) {
          throw new IllegalArgumentException("this is not valid JSON");
        }
      }
    };
  }

  private static String message(SettingType<?> type, IllegalArgumentException e) {
    String message = e.getMessage() == null ? "is not valid" : e.getMessage();
    if (input(type).equals("money") && message.startsWith("must be from")) {
      return "must be an amount the plugin allows";
    }
    return message;
  }
}
