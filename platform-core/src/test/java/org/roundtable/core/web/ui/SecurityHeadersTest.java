package org.roundtable.core.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

  @Test
  void overHttpsBrowsersAreToldToUseNothingElseAndFormsPostOnlyHereOrToSignOut() {
    Map<String, String> headers =
        SecurityHeaders.of(
            settings(Map.of("roundtable.keycloak.public-url", "https://id.example.org/")));

    assertThat(headers).containsEntry("Strict-Transport-Security", "max-age=31536000");
    assertThat(headers.get("Content-Security-Policy"))
        .contains("form-action 'self' https://id.example.org")
        .contains("frame-ancestors 'none'");
  }

  @Test
  void plainHttpDevelopmentGetsNoTransportSecurity() {
    Map<String, String> headers =
        SecurityHeaders.of(
            settings(
                Map.of(
                    "roundtable.web.secure-cookies", "false",
                    "roundtable.keycloak.public-url", "http://localhost:8180")));

    assertThat(headers).doesNotContainKey("Strict-Transport-Security");
    assertThat(headers.get("Content-Security-Policy"))
        .endsWith("form-action 'self' http://localhost:8180");
  }

  /** Just enough MicroProfile Config for the two settings the headers read. */
  private static Config settings(Map<String, String> values) {
    return new Config() {
      @Override
      public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(NoSuchElementException::new);
      }

      @Override
      public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name))
            .map(v -> type == Boolean.class ? (T) Boolean.valueOf(v) : (T) v);
      }

      @Override
      public Iterable<String> getPropertyNames() {
        return values.keySet();
      }

      @Override
      public Iterable<ConfigSource> getConfigSources() {
        return List.of();
      }

      @Override
      public <T> Optional<Converter<T>> getConverter(Class<T> type) {
        return Optional.empty();
      }

      @Override
      public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
