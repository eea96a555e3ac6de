package org.roundtable.api.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingTypeTest {

  @Test
  void valuesRoundTripThroughJson() {
    SettingType<Map<String, Object>> rate =
        SettingType.record(
            Map.of(
                "role",
                SettingType.choice("chair", "member"),
                "pence",
                SettingType.money(100_000)));

    Map<String, Object> value = rate.read(json("{\"role\":\"chair\",\"pence\":2500}"));

    assertThat(value).containsEntry("role", "chair").containsEntry("pence", 2500L);
    assertThat(rate.read(rate.write(value))).isEqualTo(value);
    assertThat(SettingType.duration(Duration.ofHours(8)).read(Json.createValue("PT2H30M")))
        .isEqualTo(Duration.ofMinutes(150));
    assertThat(SettingType.date().read(Json.createValue("2027-04-01")))
        .isEqualTo(LocalDate.of(2027, 4, 1));
    assertThat(SettingType.list(SettingType.text(20), 3).read(json("[\"a\",\"b\"]")))
        .isEqualTo(List.of("a", "b"));
    assertThat(SettingType.bool().read(JsonValue.TRUE)).isTrue();
  }

  @Test
  void invalidValuesAreRefusedWithAMessageForThePersonWhoEnteredThem() {
    assertThatThrownBy(() -> SettingType.money(10_000).read(Json.createValue(-1)))
        .hasMessage("must be from 0 to 10000");
    assertThatThrownBy(() -> SettingType.number(1, 10).read(Json.createValue(2.5)))
        .hasMessage("must be a whole number");
    assertThatThrownBy(() -> SettingType.choice("a", "b").read(Json.createValue("c")))
        .hasMessage("must be one of a, b");
    assertThatThrownBy(() -> SettingType.text(3).read(Json.createValue("long")))
        .hasMessage("must be at most 3 characters");
    assertThatThrownBy(() -> SettingType.list(SettingType.date(), 5).read(json("[\"2027-02-30\"]")))
        .hasMessage("item 1 must be a date such as 2027-04-01");
    assertThatThrownBy(
            () ->
                SettingType.record(Map.of("pence", SettingType.money(10)))
                    .read(json("{\"pence\":1,\"extra\":2}")))
        .hasMessageContaining("unknown fields [extra]");
  }

  private static JsonValue json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
