#set( $apiMinor = $pluginApiVersion.substring(0, $pluginApiVersion.lastIndexOf(".")) )
package ${package};

import java.util.Set;
import ${package}.api.SuggestionsResource;
import ${package}.domain.Suggestion;
import ${package}.pages.SuggestionPages;
import org.roundtable.api.plugin.Permission;
import org.roundtable.api.plugin.PlatformPlugin;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.api.settings.Setting;
import org.roundtable.api.settings.SettingType;
import org.roundtable.api.web.NavigationEntry;

/**
 * ${pluginName}: what the platform needs to know to run this plugin. A council's administrator
 * switches it on; the platform then mounts its API at {@code /api/v1/{council}/${pluginId}/} and its
 * pages at {@code /{council}/${pluginId}/}, runs its changelog, and offers its permissions and
 * settings.
 */
public class SuggestionBoxPlugin implements PlatformPlugin {

  /** The plugin's id: in its addresses, permissions and table names. */
  public static final String ID = "${pluginId}";

  /** Reading the council's suggestions. */
  public static final String READ = ID + ":suggestions:read";

  /** Making a suggestion. */
  public static final String SUGGEST = ID + ":suggestions:write";

  /** Whether members may make suggestions now (a council closes the box between rounds). */
  public static final Setting<Boolean> OPEN =
      Setting.of(
          "open",
          "Open for suggestions",
          "Whether members can make new suggestions now.",
          SettingType.bool(),
          true);

  /** The longest suggestion, in characters. */
  public static final Setting<Long> LONGEST =
      Setting.of(
          "longest",
          "Longest suggestion",
          "The most characters a suggestion may have.",
          SettingType.number(50, 2000),
          500L);

  @Override
  public PluginDescriptor descriptor() {
    return PluginDescriptor.builder(ID)
        .name("${pluginName}")
        .version("1.0.0")
        .requiresApi("[${apiMinor},2.0)")
        .entities(Suggestion.class)
        .changelog("db/${pluginId}/changelog.xml")
        .resource("suggestions", SuggestionsResource.class)
        .permissions(
            new Permission(
                READ, "Read the council's suggestions", Set.of("member", "officer", "tenant-admin")),
            new Permission(
                SUGGEST, "Make a suggestion", Set.of("member", "officer", "tenant-admin")))
        .settings(OPEN, LONGEST)
        .page("", SuggestionPages.class)
        .navigation(new NavigationEntry("${pluginName}", "", READ))
        .build();
  }
}
