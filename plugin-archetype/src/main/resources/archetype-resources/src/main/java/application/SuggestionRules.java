package ${package}.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ${package}.SuggestionBoxPlugin;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.settings.PluginSettings;

/**
 * What a suggestion must be, by the council's settings: the box must be open, and the text there
 * and not too long. Plain Java on the plugin API, so a unit test runs it with the testkit's fakes.
 */
@ApplicationScoped
public class SuggestionRules {

  private final PluginSettings settings;

  /** For the container's proxy only. */
  protected SuggestionRules() {
    this.settings = null;
  }

  @Inject
  public SuggestionRules(PluginSettings settings) {
    this.settings = settings;
  }

  /** Whether the council takes suggestions now. */
  public boolean open() {
    return settings.get(SuggestionBoxPlugin.OPEN);
  }

  /**
   * The text as it will be kept (trimmed), or a refusal saying what to change.
   *
   * @throws Refused when the box is closed, or the text is empty or too long
   */
  public String accepted(String text) {
    if (!open()) {
      throw new Refused("text", "the council is not taking suggestions at the moment");
    }
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw new Refused("text", "write your suggestion");
    }
    long longest = settings.get(SuggestionBoxPlugin.LONGEST);
    if (trimmed.length() > longest) {
      throw new Refused("text", "must be " + longest + " characters or fewer");
    }
    return trimmed;
  }
}
