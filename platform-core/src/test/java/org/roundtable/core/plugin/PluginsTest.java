package org.roundtable.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.steps.plugins.PluginProblem;
import org.roundtable.steps.plugins.Plugins;

/** Small test plugins, checked the way every start, migration and assembly checks them. */
class PluginsTest {

  @Test
  void pluginsStartAfterThoseTheyDependOn() {
    List<PluginDescriptor> ordered =
        Plugins.checkedInOrder(
            List.of(plugin("payments", "[1.0,2.0)", "boards"), plugin("boards", "[1.0,2.0)")),
            "1.0.0");

    assertThat(ordered).extracting(PluginDescriptor::id).containsExactly("boards", "payments");
    assertThat(Plugins.changelogs(ordered))
        .extracting(c -> c.historyTable())
        .containsExactly("core_changelog", "plugin_boards_changelog", "plugin_payments_changelog");
  }

  @Test
  void anUnmetApiRangeNamesThePluginAndBothVersions() {
    assertThatThrownBy(
            () -> Plugins.checkedInOrder(List.of(plugin("boards", "[2.0,3.0)")), "1.0.0"))
        .isInstanceOf(PluginProblem.class)
        .hasMessage(
            "The plugin 'boards' 1.2.3 needs plugin API [2.0,3.0), but this platform provides"
                + " 1.0.0");
  }

  @Test
  void aMissingDependencyIsNamed() {
    assertThatThrownBy(
            () ->
                Plugins.checkedInOrder(List.of(plugin("payments", "[1.0,2.0)", "boards")), "1.0.0"))
        .hasMessageContaining("'payments' needs the plugin 'boards', which is not installed");
  }

  @Test
  void clashingAndReservedIdsAreRefused() {
    assertThatThrownBy(
            () ->
                Plugins.checkedInOrder(
                    List.of(plugin("boards", "[1.0,2.0)"), plugin("boards", "[1.0,2.0)")), "1.0.0"))
        .hasMessageContaining("Two plugins have the id 'boards'");
    for (String reserved : List.of("me", "login", "admin", "members", "plugins")) {
      assertThatThrownBy(
              () -> Plugins.checkedInOrder(List.of(plugin(reserved, "[1.0,2.0)")), "1.0.0"))
          .as(reserved)
          .hasMessageContaining("'" + reserved + "' is reserved");
    }
  }

  @Test
  void aDependencyCycleIsRefused() {
    assertThatThrownBy(
            () ->
                Plugins.checkedInOrder(
                    List.of(
                        plugin("alpha", "[1.0,2.0)", "beta"),
                        plugin("beta", "[1.0,2.0)", "gamma"),
                        plugin("gamma", "[1.0,2.0)", "alpha"),
                        plugin("delta", "[1.0,2.0)")),
                    "1.0.0"))
        .hasMessageContaining("[alpha, beta, gamma] depend on each other in a cycle");
  }

  private static PluginDescriptor plugin(String id, String range, String... dependencies) {
    return PluginDescriptor.builder(id)
        .name(id)
        .version("1.2.3")
        .requiresApi(range)
        .dependsOn(dependencies)
        .changelog("db/" + id + "/changelog.xml")
        .build();
  }
}
