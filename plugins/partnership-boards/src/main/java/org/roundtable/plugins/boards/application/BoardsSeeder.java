package org.roundtable.plugins.boards.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.roundtable.api.plugin.TenantSeeder;
import org.roundtable.plugins.boards.BoardsPlugin;

/**
 * A new council's first boards from its tenant file:
 *
 * <pre>
 * seed:
 *   boards:
 *     - name: Carers Partnership Board
 *       termsOfReference: ...
 *       codeOfConduct: ...
 * </pre>
 */
@ApplicationScoped
public class BoardsSeeder implements TenantSeeder {

  @Inject Boards boards;

  @Override
  public String pluginId() {
    return BoardsPlugin.ID;
  }

  @Override
  public void seed(JsonObject seed) {
    for (String key : seed.keySet()) {
      if (!key.equals("boards")) {
        throw new IllegalArgumentException("unknown key '" + key + "' (only boards)");
      }
    }
    if (!(seed.get("boards") instanceof jakarta.json.JsonArray list)) {
      throw new IllegalArgumentException("boards must be a list");
    }
    for (JsonValue item : list) {
      if (!(item instanceof JsonObject board)) {
        throw new IllegalArgumentException("each board is a mapping with a name");
      }
      boards.create(
          text(board, "name"), text(board, "termsOfReference"), text(board, "codeOfConduct"));
    }
  }

  private static String text(JsonObject board, String key) {
    if (!(board.get(key) instanceof JsonString value) || value.getString().isBlank()) {
      throw new IllegalArgumentException("each board needs " + key);
    }
    return value.getString();
  }
}
