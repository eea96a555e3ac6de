package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.Browser;
import org.roundtable.testkit.Platform;
import org.roundtable.testkit.PlatformTest;

/**
 * The plugin running in the real platform (PostgreSQL, Keycloak, Payara Micro with the core and this
 * plugin, switched on for the test councils Kirklees and Solihull). The testkit's own checks run
 * beside it: every table of the changelog isolated by council (PluginTablesIT).
 */
@PlatformTest
class SuggestionBoxIT {

  private Platform platform;

  @BeforeEach
  void platform(Platform platform) {
    this.platform = platform;
  }

  private static String suggestions(String council) {
    return "/api/v1/" + council + "/${pluginId}/suggestions";
  }

  @Test
  void eachCouncilSeesItsOwnSuggestionsOnly() {
    ApiClient kirklees = platform.as("kirklees", "member");
    ApiClient solihull = platform.as("solihull", "member");
    String text = "Hold meetings in the evening too " + UUID.randomUUID();

    ApiClient.Result made = kirklees.post(suggestions("kirklees"), "{\"text\":\"" + text + "\"}");

    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String id = made.json().getString("id");
    assertThat(kirklees.get(suggestions("kirklees")).body()).contains(text);
    assertThat(kirklees.get(suggestions("kirklees") + "/" + id).json().getString("text"))
        .isEqualTo(text);
    assertThat(solihull.get(suggestions("solihull")).body()).doesNotContain(text);
    assertThat(solihull.get(suggestions("solihull") + "/" + id).status())
        .as("another council's suggestion does not exist for Solihull")
        .isEqualTo(404);
    assertThat(kirklees.get(suggestions("solihull")).status())
        .as("a Kirklees member's token opens nothing of Solihull's")
        .isIn(401, 403, 404);
  }

  @Test
  void aSuggestionTheRulesRefuseSaysWhatToChange() {
    ApiClient.Result refused =
        platform.as("solihull", "member").post(suggestions("solihull"), "{\"text\":\"   \"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body()).contains("write your suggestion");
  }

  @Test
  void nobodySignedInSeesNothing() {
    assertThat(platform.anonymous().get(suggestions("kirklees")).status()).isEqualTo(401);
  }

  @Test
  void aMemberMakesASuggestionOnThePageWithoutJavaScript() {
    String text = "A quieter room for the carers' group " + UUID.randomUUID();
    try (Browser browser = platform.browserAs("kirklees", "member")) {
      assertThat(browser.hasLink("${pluginName}")).as("the navigation entry").isTrue();
      browser.scripts(false).open(platform.publicUrl() + "/kirklees/${pluginId}/");
      browser.click("#suggest");
      assertThat(browser.text()).contains("write your suggestion");

      browser.type("#text", text).click("#suggest");

      assertThat(browser.text()).contains("Thank you for your suggestion");
      assertThat(browser.textOf("#suggestions")).contains(text);
      browser.scripts(true);
      assertThat(browser.accessibilityViolations()).isEmpty();
      browser.open(platform.publicUrl() + "/kirklees/");
      assertThat(browser.text()).as("the home section").contains("in the last 30 days");
    }
  }
}
