package org.roundtable.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No secret value reaches a ConfigMap, an env value, an argument or an annotation. */
class SecretsTest {

  private static final Set<String> SECRET_ENV =
      Set.of(
          "ROUNDTABLE_DB_APP_PASSWORD",
          "ROUNDTABLE_DB_OWNER_PASSWORD",
          "ROUNDTABLE_KEYCLOAK_PROVISIONER_CLIENT_SECRET",
          "ROUNDTABLE_MAIL_PASSWORD",
          "ROUNDTABLE_CRYPTO_KEYS");

  /** The secret values full-values.yaml supplies, each a distinctive string. */
  private static List<String> suppliedSecrets() {
    Map<String, Object> values = Chart.loadYaml(Chart.ci("full-values.yaml"));
    List<String> secrets =
        List.of(
            (String) dig(values, "database", "migration", "password"),
            (String) dig(values, "keycloak", "provisioner", "clientSecret"),
            (String) dig(values, "mail", "password"));
    assertThat(secrets).allSatisfy(s -> assertThat(s).startsWith("supplied-"));
    return secrets;
  }

  @SuppressWarnings("unchecked")
  private static Object dig(Map<String, Object> map, String... path) {
    Object node = map;
    for (String key : path) {
      node = ((Map<String, Object>) node).get(key);
    }
    return node;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void suppliedSecretsAppearOnlyInTheChartsSecretsData() {
    Rendered rendered = Chart.renderWithHooks("full-values.yaml");
    List<String> secrets = suppliedSecrets();

    for (int i = 0; i < rendered.documents().size(); i++) {
      HasMetadata object = rendered.objects().get(i);
      String outsideData = rendered.documents().get(i);
      if (object instanceof Secret secret) {
        Secret withoutData = new SecretBuilder(secret).withData(null).withStringData(null).build();
        outsideData = Rendered.SERIALIZATION.asYaml(withoutData);
      }
      for (String secret : secrets) {
        assertThat(outsideData)
            .as("%s/%s", object.getKind(), object.getMetadata().getName())
            .doesNotContain(secret)
            .doesNotContain(base64(secret));
      }
    }
    String inSecrets =
        rendered.all(Secret.class).stream()
            .flatMap(s -> s.getData().values().stream())
            .map(v -> new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8))
            .collect(Collectors.joining("\n"));
    assertThat(inSecrets).contains(secrets);
  }

  @Test
  void chartSecretsHoldExactlyTheSuppliedValuesUnderTheirKeys() {
    Rendered rendered = Chart.renderWithHooks("full-values.yaml");

    assertThat(rendered.named(Secret.class, Chart.FULLNAME).getData())
        .containsOnlyKeys("keycloak-provisioner-client-secret", "mail-password")
        .containsEntry("mail-password", base64("supplied-mail-password-b7e1"));
    assertThat(rendered.named(Secret.class, Chart.FULLNAME + "-db-owner").getData())
        .containsExactly(Map.entry("password", base64("supplied-db-owner-password-91c2")));
  }

  @Test
  void withExistingSecretsTheChartCreatesNoSecret() {
    Rendered rendered = Chart.renderWithHooks("minimal-values.yaml");

    assertThat(rendered.all(Secret.class)).isEmpty();
    Map<String, String> refs =
        rendered.containers().stream()
            .flatMap(c -> c.getEnv().stream())
            .filter(e -> SECRET_ENV.contains(e.getName()))
            .collect(
                Collectors.toMap(
                    EnvVar::getName,
                    e ->
                        e.getValueFrom().getSecretKeyRef().getName()
                            + "/"
                            + e.getValueFrom().getSecretKeyRef().getKey()));
    assertThat(refs)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "ROUNDTABLE_DB_APP_PASSWORD", "roundtable-db-app/password",
                "ROUNDTABLE_DB_OWNER_PASSWORD", "roundtable-db-owner/password",
                "ROUNDTABLE_KEYCLOAK_PROVISIONER_CLIENT_SECRET",
                    "roundtable-keycloak-provisioner/client-secret",
                "ROUNDTABLE_CRYPTO_KEYS", "roundtable-crypto-keys/keys"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"minimal-values.yaml", "full-values.yaml"})
  void secretSettingsComeOnlyFromSecretKeyRefs(String ciFile) {
    Rendered rendered = Chart.renderWithHooks(ciFile);

    for (Container container : rendered.containers()) {
      assertThat(container.getEnv())
          .filteredOn(e -> SECRET_ENV.contains(e.getName()))
          .allSatisfy(
              e -> {
                assertThat(e.getValue()).isNull();
                assertThat(e.getValueFrom().getSecretKeyRef()).isNotNull();
              });
      assertThat(container.getArgs()).noneMatch(a -> a.contains("ROUNDTABLE_"));
    }
    for (ConfigMap configMap : rendered.all(ConfigMap.class)) {
      assertThat(configMap.getData()).doesNotContainKeys(SECRET_ENV.toArray(String[]::new));
    }
  }

  @Test
  void anActiveKeyMissingFromSuppliedKeysIsRefused() {
    assertThatThrownBy(
            () ->
                Chart.template(
                    Chart.DIR,
                    Chart.ci("minimal-values.yaml"),
                    Map.of(
                        "crypto.keys",
                        "k1=" + base64("0123456789abcdef0123456789abcdef"),
                        "crypto.activeKey",
                        "k2")))
        .hasMessageContaining(
            "crypto.activeKey \"k2\" is not one of the key ids in crypto.keys (k1)")
        .hasMessageNotContaining(base64("0123456789abcdef0123456789abcdef"));
  }
}
