package ${package}.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ${package}.SuggestionBoxPlugin;
import ${package}.application.Suggestions;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.web.HomeSection;

/** "Suggestions" on a member's home page: how many were made this month, and a link to them. */
@RequestScoped
public class SuggestionsHomeSection implements HomeSection {

  @Inject Suggestions suggestions;
  @Inject CurrentMember currentMember;
  @Inject Clock clock;

  @Override
  public String pluginId() {
    return SuggestionBoxPlugin.ID;
  }

  @Override
  public Optional<Section> forCurrentMember() {
    if (!currentMember.hasPermission(SuggestionBoxPlugin.READ)) {
      return Optional.empty();
    }
    long lately = suggestions.madeSince(clock.instant().minus(Duration.ofDays(30)));
    String text =
        lately == 1 ? "1 suggestion in the last 30 days" : lately + " suggestions in the last 30 days";
    return Optional.of(
        new Section(
            "Suggestions",
            List.of(new Item(text, SuggestionBoxPlugin.ID + "/", null)),
            "All suggestions",
            SuggestionBoxPlugin.ID + "/"));
  }
}
