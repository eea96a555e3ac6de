package org.roundtable.testkit;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a guest sees, checked against every read of the council's API the platform describes ({@code
 * /openapi}, every plugin's endpoints included): nothing but the endpoints marked for guests of
 * their resource, for their own record. Every other read, of any plugin or of the core (the guest's
 * own {@code /me} apart), with their record's id or another in each path parameter, answers 401,
 * 403 or 404; an endpoint marked for their resource answers 404 for a record that is not theirs.
 */
public final class GuestCheck {

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");
  private static final Set<Integer> DENIED = Set.of(401, 403, 404);

  private GuestCheck() {}

  /**
   * @param platform the application under test
   * @param guest the guest, signed in
   * @param council the council they are a guest of
   * @param resource their guest resource, {@code <pluginId>:<resource>}
   * @param record the id of the one record they were given
   * @return what was tried, one line each ({@code GET path → status}), for a test's report
   * @throws AssertionError naming each read that let the guest see more
   */
  public static List<String> seesOnly(
      Platform platform, ApiClient guest, String council, String resource, String record) {
    JsonObject paths =
        platform
            .anonymous()
            .withHeader("Accept", "application/json")
            .get("/openapi")
            .json()
            .getJsonObject("paths");
    String other = UUID.randomUUID().toString();
    List<String> tried = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, JsonValue> entry : paths.entrySet()) {
      String template = entry.getKey();
      JsonObject get = entry.getValue().asJsonObject().getJsonObject("get");
      if (get == null
          || !template.startsWith("/api/v1/{tenant}/")
          || template.equals("/api/v1/{tenant}/me")
          || template.startsWith("/api/v1/{tenant}/me/")) {
        continue;
      }
      JsonObject guests = get.getJsonObject("x-roundtable-guests");
      boolean forThisResource = guests != null && resource.equals(guests.getString("resource", ""));
      String guestParam = forThisResource ? guests.getString("pathParam") : null;
      for (String value : List.of(record, other)) {
        boolean ownRecord = value.equals(record) && forThisResource;
        String path = fill(template, council, guestParam, value, other);
        int status = guest.get(path).status();
        tried.add("GET " + path + " → " + status);
        if (!ownRecord && !DENIED.contains(status)) {
          wrong.add("GET " + path + " answered " + status + " to a guest of " + record);
        }
      }
    }
    if (!wrong.isEmpty()) {
      throw new AssertionError(
          "A guest of " + resource + " " + record + " saw more:\n" + String.join("\n", wrong));
    }
    return tried;
  }

  /** The path with the council, the record (or another) in every parameter. */
  private static String fill(
      String template, String council, String guestParam, String value, String other) {
    Matcher parameters = PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    while (parameters.find()) {
      String name = parameters.group(1);
      String replacement;
      if (name.equals("tenant")) {
        replacement = council;
      } else if (guestParam == null || name.equals(guestParam)) {
        replacement = value;
      } else {
        replacement = other;
      }
      parameters.appendReplacement(path, Matcher.quoteReplacement(replacement));
    }
    parameters.appendTail(path);
    return path.toString();
  }
}
