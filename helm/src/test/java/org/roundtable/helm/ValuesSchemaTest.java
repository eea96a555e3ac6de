package org.roundtable.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json: a typo or a wrong type is refused with a message naming it. */
class ValuesSchemaTest {

  /** Objects whose contents Kubernetes (not the chart) defines: free-form on purpose. */
  private static final Set<String> FREE_FORM =
      Set.of(
          "database.parameters",
          "tenants.definitions",
          "plugins.volume",
          "plugins.resources",
          "migration.podAnnotations",
          "migration.resources",
          "service.annotations",
          "ingress.annotations",
          "serviceAccount.annotations",
          "podAnnotations",
          "podLabels",
          "podSecurityContext",
          "securityContext",
          "resources",
          "networkPolicy.ingressController.namespaceSelector",
          "networkPolicy.ingressController.podSelector",
          "networkPolicy.prometheus.namespaceSelector",
          "networkPolicy.prometheus.podSelector",
          "networkPolicy.egress.dns.namespaceSelector",
          "networkPolicy.egress.dns.podSelector",
          "serviceMonitor.labels",
          "tests.resources",
          "nodeSelector",
          "affinity");

  @Test
  void badValuesAreRejectedNamingTheKeyAndTheType() {
    assertThatThrownBy(() -> Chart.template(Chart.DIR, Chart.ci("bad-values.yaml"), Map.of()))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining("additional properties 'servce' not allowed")
        .hasMessageContaining("at '/replicaCount': got string, want integer");
  }

  @ParameterizedTest
  @CsvSource({
    "ingress.hostz, roundtable.example.org, additional properties 'hostz' not allowed",
    "database.migration.pasword, x, additional properties 'pasword' not allowed",
    "probes.startup.failureTreshold, 3, additional properties 'failureTreshold' not allowed",
    "networkPolicy.egress.databse.port, 5432, additional properties 'databse' not allowed",
    "database.sslMode, verify, at '/database/sslMode'",
    "image.pullPolicy, Sometimes, at '/image/pullPolicy'",
    "tenants.definitions.Kirklees.tenantYaml, x, invalid propertyName 'Kirklees'",
    "tenants.definitions.kirklees.tenantYml, x, additional properties 'tenantYml' not allowed",
    "autoscaling.maxReplicas, many, at '/autoscaling/maxReplicas'",
  })
  void nestedTyposAndBadEnumsAreRejected(String key, String value, String message) {
    assertThatThrownBy(
            () -> Chart.template(Chart.DIR, Chart.ci("minimal-values.yaml"), Map.of(key, value)))
        .hasMessageContaining(message);
  }

  @Test
  void everyChartOwnedObjectRejectsUnknownKeys() {
    Map<String, Object> schema = Chart.loadYaml(Chart.DIR.resolve("values.schema.json"));
    List<String> open = new ArrayList<>();
    collectOpenObjects(schema, schema, "", open);

    assertThat(open).as("objects that accept any key").isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static void collectOpenObjects(
      Map<String, Object> root, Map<String, Object> node, String path, List<String> open) {
    node = ValuesTable.resolve(root, node);
    if (!"object".equals(node.get("type")) || FREE_FORM.contains(path)) {
      return;
    }
    if (!Boolean.FALSE.equals(node.get("additionalProperties"))) {
      open.add(path.isEmpty() ? "(root)" : path);
    }
    Map<String, Object> properties =
        (Map<String, Object>) node.getOrDefault("properties", Map.of());
    for (Map.Entry<String, Object> property : properties.entrySet()) {
      String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
      collectOpenObjects(root, (Map<String, Object>) property.getValue(), child, open);
    }
  }
}
