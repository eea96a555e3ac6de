package org.roundtable.core.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page contract, version 1 (docs/plugins/reference/contracts.md): the layout and component
 * fragments a plugin's templates may use, with their parameters, and the names the page model
 * always has. A fragment may gain a new neighbour; one a plugin may use never disappears or changes
 * its parameters within a major version of the plugin API.
 */
class PageContractTest {

  /** {@code template :: fragment(parameters)}, as plugins write them. */
  static final List<String> FRAGMENTS =
      List.of(
          "layout :: page(title, content)",
          "components :: errorSummary",
          "components :: fieldError(field)",
          "components :: csrf",
          "components :: success(message)",
          "components :: checkboxItems(name, options, linked)",
          "components :: yesNoItems(name, yes)");

  /** What {@code rt} (the page frame) always offers a template. */
  static final List<String> FRAME =
      List.of(
          "council",
          "slug",
          "base",
          "assets",
          "logo",
          "brandingVersion",
          "navigation",
          "person",
          "actingFor",
          "csrfName",
          "csrfToken",
          "requestId");

  /** What {@code uk} formats. */
  static final List<String> UK =
      List.of("date", "day", "time", "dateTime", "money", "pounds", "clock");

  private static final Pattern FRAGMENT = Pattern.compile("th:fragment=\"([^\"]+)\"");

  @Test
  void everyFragmentAPluginMayUseIsThereWithItsParameters() throws IOException {
    Set<String> offered = new HashSet<>();
    for (String template : List.of("layout", "components")) {
      Matcher fragments = FRAGMENT.matcher(template(template));
      while (fragments.find()) {
        offered.add(template + " :: " + fragments.group(1));
      }
    }

    assertThat(offered).containsAll(FRAGMENTS);
  }

  @Test
  void thePageModelOffersTheNamesOfTheContract() throws NoSuchMethodException {
    assertThat(Arrays.stream(PageFrame.class.getRecordComponents()).map(RecordComponent::getName))
        .containsAll(FRAME);
    for (String format : UK) {
      assertThat(
              Arrays.stream(UkFormat.class.getMethods()).anyMatch(m -> m.getName().equals(format)))
          .as("uk." + format)
          .isTrue();
    }
  }

  private static String template(String name) throws IOException {
    try (InputStream in =
        PageContractTest.class
            .getClassLoader()
            .getResourceAsStream("templates/" + name + ".html")) {
      assertThat(in).as("templates/" + name + ".html").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
