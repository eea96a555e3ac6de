package org.roundtable.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The chart README's values table is generated from values.yaml. When values change, regenerate it
 * with {@code ./mvnw -o -pl helm verify -Droundtable.helm.regenerate=true} (the property reaches
 * the tests through surefire's {@code systemPropertyVariables}).
 */
class ValuesTableTest {

  private static final Path VALUES = Chart.DIR.resolve("values.yaml");
  private static final Path SCHEMA = Chart.DIR.resolve("values.schema.json");
  private static final Path README = Chart.DIR.resolve("README.md");

  private static ValuesTable.Result generate() {
    return ValuesTable.generate(Chart.read(VALUES), Chart.loadYaml(VALUES), Chart.loadYaml(SCHEMA));
  }

  @Test
  void everyValueIsDocumentedAndInTheSchema() {
    assertThat(generate().problems()).isEmpty();
  }

  @Test
  void readmeValuesTableIsUpToDate() {
    String table = ValuesTable.markdown(generate().rows());
    String readme = Chart.read(README);
    if (Boolean.getBoolean("roundtable.helm.regenerate")) {
      Chart.write(README, ValuesTable.withTable(readme, table));
      readme = Chart.read(README);
    }

    assertThat(ValuesTable.tableIn(readme))
        .as(
            "helm/roundtable/README.md's values table differs from values.yaml; regenerate it with"
                + " `./mvnw -o -pl helm verify -Droundtable.helm.regenerate=true`")
        .isEqualTo(table);
  }

  @Test
  void rowsComeFromTheCommentsAndTheSchemaDecidesWhatIsListed() {
    String values =
        """
        # -- Top object.
        top:
          # -- A number
          # over two lines.
          count: 3
          # -- Free-form: shown whole.
          labels:
            a: b
          undocumented: true
        """;
    String schema =
        """
        {"type": "object", "additionalProperties": false, "properties": {
          "top": {"type": "object", "additionalProperties": false, "properties": {
            "count": {"type": "integer"}, "labels": {"type": "object"}}}}}
        """;

    ValuesTable.Result result =
        ValuesTable.generate(values, Chart.parseYaml(values), Chart.parseYaml(schema));

    assertThat(result.rows())
        .containsExactly(
            new ValuesTable.Row("top", "object", "", "Top object."),
            new ValuesTable.Row("top.count", "int", "3", "A number over two lines."),
            new ValuesTable.Row("top.labels", "object", "{\"a\":\"b\"}", "Free-form: shown whole."),
            new ValuesTable.Row("top.undocumented", "bool", "true", ""));
    assertThat(result.problems())
        .containsExactly(
            "top.undocumented: no `# --` description above it",
            "top.undocumented: not in values.schema.json");
  }
}
