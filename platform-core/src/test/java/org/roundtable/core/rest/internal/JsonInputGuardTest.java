package org.roundtable.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roundtable.core.plugin.InputShape;
import org.roundtable.core.request.ProblemException;
import org.roundtable.core.request.ProblemType;

class JsonInputGuardTest {

  @Test
  void aPlainBodyPasses() {
    assertThatCode(
            () ->
                check(
                    "{\"fullName\":\"Beve Smith\",\"notes\":\"line one\\nline two\\tend\","
                        + "\"rates\":[{\"amount\":3000}],\"paid\":true,\"none\":null}",
                    JsonObject.class))
        .doesNotThrowAnyException();
    assertThatCode(() -> check("[\"a\",\"b\"]", List.class)).doesNotThrowAnyException();
    // No body at all: the endpoint's own validation says it is required.
    assertThatCode(() -> check("null", Record.class)).doesNotThrowAnyException();
  }

  @Test
  void whatCannotBeBoundIsRefusedNamingTheField() {
    for (String notAnObject : new String[] {"[]", "\"text\"", "42", "true"}) {
      assertInvalidJson(notAnObject, Record.class);
    }
    assertInvalidJson("null", JsonObject.class);
    assertRefused("{\"a\":\"x\\u0000y\"}", JsonObject.class, "a", "control characters");
    assertRefused(
        "{\"a\":{\"b\":[1,\"\\u001b[31m\"]}}", JsonObject.class, "a.b[1]", "control characters");
    assertRefused(
        "{\"a\":\"" + "x".repeat(JsonInputGuard.MAX_TEXT + 1) + "\"}",
        JsonObject.class,
        "a",
        "longer than");
    assertRefused(
        "{\"rates\":[{\"amount\":1e30}]}", JsonObject.class, "rates[0].amount", "too large");
    assertRefused("{\"n\":-9223372036854775809}", JsonObject.class, "n", "too large");
    assertRefused("[".repeat(40) + "]".repeat(40), List.class, "", "nested too deeply");
    for (String broken : new String[] {"{", "{\"a\":", "", "\u00ff\u00fe"}) {
      assertInvalidJson(broken, JsonObject.class);
    }
  }

  @Test
  void onlyEndpointsReadingAListOrABareValueTakeOneAtTheTop() {
    org.assertj.core.api.Assertions.assertThat(JsonInputGuard.expectsObject(JsonObject.class))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(JsonInputGuard.expectsObject(List.class)).isFalse();
    org.assertj.core.api.Assertions.assertThat(JsonInputGuard.expectsObject(String.class))
        .isFalse();
  }

  enum Colour {
    RED,
    GREEN
  }

  record Item(String label, int count) {}

  record Request(String name, int seats, boolean open, Colour colour, List<Item> items) {}

  @Test
  void eachValueMustBeOfTheTypeTheEndpointBindsItTo() {
    InputShape.Field shape = InputShape.of("body", Request.class);
    assertThatCode(
            () ->
                conforms(
                    "{\"name\":\"Board\",\"seats\":3,\"open\":true,\"colour\":\"RED\","
                        + "\"items\":[{\"label\":\"a\",\"count\":1}],\"unknown\":7}",
                    shape))
        .doesNotThrowAnyException();
    assertConformsNot("{\"name\":123}", shape, "name", "text");
    assertConformsNot("{\"name\":true}", shape, "name", "text");
    assertConformsNot("{\"seats\":1.5}", shape, "seats", "whole number");
    assertConformsNot("{\"seats\":\"3\"}", shape, "seats", "whole number");
    assertConformsNot("{\"open\":\"yes\"}", shape, "open", "true or false");
    assertConformsNot("{\"colour\":\"BLUE\"}", shape, "colour", "one of");
    assertConformsNot("{\"items\":{}}", shape, "items", "list");
    assertConformsNot("{\"items\":[{\"count\":\"x\"}]}", shape, "items[0].count", "whole");
  }

  private static void conforms(String json, InputShape.Field shape) {
    JsonInputGuard.conforms(json.getBytes(StandardCharsets.UTF_8), shape);
  }

  private static void assertConformsNot(
      String json, InputShape.Field shape, String field, String detail) {
    assertThatThrownBy(() -> conforms(json, shape))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e -> {
              var error = ((ProblemException) e).errors().get(0);
              org.assertj.core.api.Assertions.assertThat(error.field()).isEqualTo(field);
              org.assertj.core.api.Assertions.assertThat(error.detail()).contains(detail);
            });
  }

  private static void assertInvalidJson(String json, Class<?> type) {
    assertThatThrownBy(() -> check(json, type))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((ProblemException) e).type())
                    .isEqualTo(ProblemType.INVALID_JSON));
  }

  private static void assertRefused(String json, Class<?> type, String field, String detail) {
    assertThatThrownBy(() -> check(json, type))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e -> {
              var error = ((ProblemException) e).errors().get(0);
              if (!field.isEmpty()) {
                org.assertj.core.api.Assertions.assertThat(error.field()).isEqualTo(field);
              }
              org.assertj.core.api.Assertions.assertThat(error.detail()).contains(detail);
            });
  }

  private static void check(String json, Class<?> type) {
    JsonInputGuard.check(json.getBytes(StandardCharsets.UTF_8), type);
  }
}
