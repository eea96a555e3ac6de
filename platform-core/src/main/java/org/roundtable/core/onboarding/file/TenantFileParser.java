package org.roundtable.core.onboarding.file;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.tenancy.RealmNames;
import org.roundtable.core.tenancy.TenantFileException;
import org.roundtable.steps.plugins.ReservedSlugs;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one {@code tenant.yaml} (YAML 1.2, SnakeYAML Engine: no object construction) and checks it
 * strictly: every problem is reported with the file and the line it is on.
 */
public final class TenantFileParser {

  private static final Set<String> TOP_LEVEL =
      Set.of("slug", "displayName", "hostnames", "identity", "plugins");
  private static final Pattern HOSTNAME =
      Pattern.compile(
          "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  private final Path file;

  private TenantFileParser(Path file) {
    this.file = file;
  }

  /** Parses {@code file}; its folder's name must be the tenant's slug. */
  public static TenantFile parse(Path file) {
    return new TenantFileParser(file).parse();
  }

  private TenantFile parse() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TenantFileException(file, 0, "cannot be read (" + e.getMessage() + ")");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new TenantFileException(file, 0, "is not UTF-8 text");
    }
    Node root;
    try {
      root =
          new Compose(LoadSettings.builder().setLabel(file.toString()).build())
              .composeString(text)
              .orElseThrow(() -> new TenantFileException(file, 1, "is empty"));
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      throw new TenantFileException(file, line, "is not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new TenantFileException(file, 0, "is not valid YAML: " + e.getMessage());
    }
    Map<String, NodeTuple> top = mapping(root, "the file", TOP_LEVEL);

    String slug = requiredText(top, root, "slug");
    String folder = file.toAbsolutePath().getParent().getFileName().toString();
    Node slugNode = top.get("slug").getValueNode();
    if (!TenantRef.isValidSlug(slug)) {
      throw error(
          slugNode,
          "slug '"
              + slug
              + "' must be 2 to 40 lower-case letters, digits or hyphens, starting with a letter");
    }
    if (ReservedSlugs.isReserved(slug)) {
      throw error(slugNode, "slug '" + slug + "' is reserved for the platform's own paths");
    }
    if (!slug.equals(folder)) {
      throw error(slugNode, "slug '" + slug + "' must match its folder's name '" + folder + "'");
    }
    String displayName = requiredText(top, root, "displayName");

    List<String> hostnames = new ArrayList<>();
    if (top.containsKey("hostnames")) {
      Node list = top.get("hostnames").getValueNode();
      if (!(list instanceof SequenceNode sequence)) {
        throw error(list, "hostnames must be a list of host names");
      }
      for (Node item : sequence.getValue()) {
        String host = scalarText(item, "each host name");
        if (!HOSTNAME.matcher(host).matches()) {
          throw error(item, "'" + host + "' is not a lower-case host name");
        }
        hostnames.add(host);
      }
    }

    if (!top.containsKey("identity")) {
      throw error(root, "identity is missing (it names the tenant's sign-in realm)");
    }
    Node identityNode = top.get("identity").getValueNode();
    Map<String, NodeTuple> identity = mapping(identityNode, "identity", Set.of("realm"));
    String realm = requiredText(identity, identityNode, "realm");
    Optional<String> badRealm = RealmNames.problem(realm);
    if (badRealm.isPresent()) {
      throw error(identity.get("realm").getValueNode(), "realm '" + realm + "': " + badRealm.get());
    }

    Map<String, TenantFile.PluginSeed> plugins = new LinkedHashMap<>();
    if (top.containsKey("plugins")) {
      Node pluginsNode = top.get("plugins").getValueNode();
      if (!isNull(pluginsNode)) {
        for (NodeTuple entry : mapping(pluginsNode, "plugins", null).values()) {
          String id = scalarText(entry.getKeyNode(), "a plugin id");
          if (!TenantRef.isValidSlug(id)) {
            throw error(entry.getKeyNode(), "'" + id + "' is not a plugin id");
          }
          plugins.put(id, pluginSeed(id, entry.getValueNode()));
        }
      }
    }
    return new TenantFile(file, sha256(bytes), slug, displayName, hostnames, realm, plugins);
  }

  private TenantFile.PluginSeed pluginSeed(String id, Node node) {
    Map<String, NodeTuple> seed =
        mapping(node, "plugin " + id, Set.of("enabled", "settings", "seed"));
    boolean enabled = true;
    if (seed.containsKey("enabled")) {
      Node value = seed.get("enabled").getValueNode();
      if (!(value instanceof ScalarNode scalar) || !Tag.BOOL.equals(value.getTag())) {
        throw error(value, "enabled of plugin " + id + " must be true or false");
      }
      enabled = Boolean.parseBoolean(scalar.getValue());
    }
    String settings = "{}";
    if (seed.containsKey("settings")) {
      Node value = seed.get("settings").getValueNode();
      if (!isNull(value)) {
        if (!(value instanceof MappingNode)) {
          throw error(value, "settings of plugin " + id + " must be a mapping");
        }
        settings = toJson(value).toString();
      }
    }
    String data = "{}";
    if (seed.containsKey("seed")) {
      Node value = seed.get("seed").getValueNode();
      if (!isNull(value)) {
        if (!(value instanceof MappingNode)) {
          throw error(value, "seed of plugin " + id + " must be a mapping");
        }
        data = toJson(value).toString();
      }
    }
    return new TenantFile.PluginSeed(enabled, settings, data);
  }

  private JsonValue toJson(Node node) {
    if (node instanceof MappingNode mappingNode) {
      JsonObjectBuilder object = JSON.createObjectBuilder();
      for (NodeTuple tuple : mappingNode.getValue()) {
        object.add(scalarText(tuple.getKeyNode(), "a settings key"), toJson(tuple.getValueNode()));
      }
      return object.build();
    }
    if (node instanceof SequenceNode sequence) {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      sequence.getValue().forEach(item -> array.add(toJson(item)));
      return array.build();
    }
    ScalarNode scalar = (ScalarNode) node;
    Tag tag = scalar.getTag();
    if (Tag.NULL.equals(tag)) {
      return JsonValue.NULL;
    }
    if (Tag.BOOL.equals(tag)) {
      return Boolean.parseBoolean(scalar.getValue()) ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      try {
        return JSON.createValue(new BigDecimal(scalar.getValue()));
      } catch (NumberFormatException e) {
        throw error(node, "'" + scalar.getValue() + "' is not a number JSON can hold");
      }
    }
    return JSON.createValue(scalar.getValue());
  }

  private Map<String, NodeTuple> mapping(Node node, String what, Set<String> allowed) {
    if (!(node instanceof MappingNode mappingNode)) {
      throw error(node, what + " must be a mapping of keys to values");
    }
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mappingNode.getValue()) {
      String key = scalarText(tuple.getKeyNode(), "a key");
      if (allowed != null && !allowed.contains(key)) {
        throw error(
            tuple.getKeyNode(),
            "unknown key '" + key + "' in " + what + " (expected one of " + sorted(allowed) + ")");
      }
      if (entries.put(key, tuple) != null) {
        throw error(tuple.getKeyNode(), "key '" + key + "' appears twice in " + what);
      }
    }
    return entries;
  }

  private String requiredText(Map<String, NodeTuple> entries, Node parent, String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      throw error(parent, key + " is missing");
    }
    String text = scalarText(tuple.getValueNode(), key);
    if (text.isBlank()) {
      throw error(tuple.getValueNode(), key + " must not be empty");
    }
    return text.strip();
  }

  private String scalarText(Node node, String what) {
    if (!(node instanceof ScalarNode scalar) || Tag.NULL.equals(node.getTag())) {
      throw error(node, what + " must be a single text value");
    }
    return scalar.getValue();
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  private TenantFileException error(Node node, String problem) {
    int line = node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    return new TenantFileException(file, line, problem);
  }

  private static String sorted(Set<String> keys) {
    return String.join(", ", keys.stream().sorted().toList());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
