package org.roundtable.helm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the chart README's values table from values.yaml, helm-docs style: the {@code # --}
 * comment above a key is its description. Keys of chart-owned objects (those the schema closes with
 * {@code additionalProperties: false}) each get a row and must be documented; the contents of
 * Kubernetes objects (resources, selectors, security contexts, volume sources) are shown whole as
 * their key's default.
 */
final class ValuesTable {

  static final String START = "<!-- values:start -->";
  static final String END = "<!-- values:end -->";

  private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_.\\-/]+):(?:\\s.*)?$");
  private static final Pattern DESCRIPTION = Pattern.compile("^\\s*# -- (.*)$");
  private static final Pattern CONTINUATION = Pattern.compile("^\\s*#(?: (.*))?$");

  record Row(String key, String type, String defaultValue, String description) {}

  /**
   * The rows, and what is wrong with the documentation (an undocumented key, a missing default).
   */
  record Result(List<Row> rows, List<String> problems) {}

  private record Level(int indent, String path, boolean chartOwned) {}

  private ValuesTable() {}

  @SuppressWarnings("unchecked")
  static Result generate(
      String valuesYaml, Map<String, Object> values, Map<String, Object> schema) {
    List<Row> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Deque<Level> stack = new ArrayDeque<>();
    StringBuilder description = null;
    for (String line : valuesYaml.split("\n", -1)) {
      Matcher comment = DESCRIPTION.matcher(line);
      Matcher key = KEY.matcher(line);
      if (comment.matches()) {
        description = new StringBuilder(comment.group(1).strip());
      } else if (description != null && CONTINUATION.matcher(line).matches()) {
        String more = CONTINUATION.matcher(line).replaceFirst("$1").strip();
        description.append(' ').append(more);
      } else if (line.isBlank()) {
        description = null;
      } else if (key.matches()) {
        int indent = key.group(1).length();
        while (!stack.isEmpty() && stack.peek().indent() >= indent) {
          stack.pop();
        }
        boolean parentOwned = stack.isEmpty() || stack.peek().chartOwned();
        String path = stack.isEmpty() ? key.group(2) : stack.peek().path() + "." + key.group(2);
        Map<String, Object> node = parentOwned ? schemaOf(schema, path) : null;
        boolean owned = node != null && isChartOwned(node);
        stack.push(new Level(indent, path, owned));
        if (parentOwned) {
          if (description == null) {
            problems.add(path + ": no `# --` description above it");
          }
          if (node == null) {
            problems.add(path + ": not in values.schema.json");
          }
          Object value = valueAt(values, path);
          rows.add(
              new Row(
                  path,
                  typeOf(value),
                  owned && value instanceof Map<?, ?> map && !map.isEmpty() ? "" : inline(value),
                  description == null ? "" : description.toString()));
        }
        description = null;
      } else if (!line.strip().startsWith("#")) {
        description = null;
      }
    }
    missingDefaults(schema, schema, "", values, problems);
    return new Result(rows, problems);
  }

  static String markdown(List<Row> rows) {
    StringBuilder table = new StringBuilder();
    table.append("| Key | Type | Default | Description |\n");
    table.append("|-----|------|---------|-------------|\n");
    for (Row row : rows) {
      table
          .append("| `")
          .append(row.key())
          .append("` | ")
          .append(row.type())
          .append(" | ")
          .append(row.defaultValue().isEmpty() ? "" : "`" + cell(row.defaultValue()) + "`")
          .append(" | ")
          .append(cell(row.description()))
          .append(" |\n");
    }
    return table.toString();
  }

  /** The README with the text between the markers replaced by {@code table}. */
  static String withTable(String readme, String table) {
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    if (start < 0 || end < start) {
      throw new IllegalStateException("README has no " + START + " ... " + END + " markers");
    }
    return readme.substring(0, start + START.length()) + "\n" + table + readme.substring(end);
  }

  /** The text between the markers. */
  static String tableIn(String readme) {
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    if (start < 0 || end < start) {
      throw new IllegalStateException("README has no " + START + " ... " + END + " markers");
    }
    return readme.substring(start + START.length() + 1, end);
  }

  /** Follows a {@code $ref} to {@code #/definitions/...}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> resolve(Map<String, Object> root, Map<String, Object> node) {
    Object ref = node.get("$ref");
    if (ref instanceof String pointer && pointer.startsWith("#/definitions/")) {
      Map<String, Object> definitions = (Map<String, Object>) root.get("definitions");
      return (Map<String, Object>) definitions.get(pointer.substring("#/definitions/".length()));
    }
    return node;
  }

  private static boolean isChartOwned(Map<String, Object> node) {
    return "object".equals(node.get("type"))
        && Boolean.FALSE.equals(node.get("additionalProperties"))
        && node.containsKey("properties");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schemaOf(Map<String, Object> schema, String path) {
    Map<String, Object> node = schema;
    for (String part : path.split("\\.")) {
      Map<String, Object> properties =
          (Map<String, Object>) resolve(schema, node).get("properties");
      if (properties == null || !properties.containsKey(part)) {
        return null;
      }
      node = resolve(schema, (Map<String, Object>) properties.get(part));
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static void missingDefaults(
      Map<String, Object> root,
      Map<String, Object> node,
      String path,
      Map<String, Object> values,
      List<String> problems) {
    Map<String, Object> resolved = resolve(root, node);
    if (!isChartOwned(resolved)) {
      return;
    }
    Map<String, Object> properties = (Map<String, Object>) resolved.get("properties");
    for (Map.Entry<String, Object> property : properties.entrySet()) {
      String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
      if (!values.containsKey(property.getKey())) {
        problems.add(child + ": in values.schema.json but has no default in values.yaml");
      } else if (values.get(property.getKey()) instanceof Map<?, ?> map) {
        missingDefaults(
            root,
            (Map<String, Object>) property.getValue(),
            child,
            (Map<String, Object>) map,
            problems);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object valueAt(Map<String, Object> values, String path) {
    Object node = values;
    for (String part : path.split("\\.")) {
      node = node instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(part) : null;
    }
    return node;
  }

  private static String typeOf(Object value) {
    if (value instanceof Map<?, ?>) {
      return "object";
    } else if (value instanceof List<?>) {
      return "list";
    } else if (value instanceof Boolean) {
      return "bool";
    } else if (value instanceof Integer || value instanceof Long) {
      return "int";
    } else if (value instanceof Number) {
      return "float";
    } else if (value == null) {
      return "null";
    }
    return "string";
  }

  /** A value on one line, JSON-style. */
  private static String inline(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<String> entries = new ArrayList<>();
      map.forEach((k, v) -> entries.add(quote(String.valueOf(k)) + ":" + inline(v)));
      return "{" + String.join(",", entries) + "}";
    } else if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(item -> items.add(inline(item)));
      return "[" + String.join(",", items) + "]";
    } else if (value instanceof String text) {
      return quote(text);
    }
    return String.valueOf(value);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
