package ${package}.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ${package}.SuggestionBoxPlugin;
import org.junit.jupiter.api.Test;
import org.roundtable.api.errors.Refused;
import org.roundtable.testkit.fakes.FakePlatform;

/** A suggestion's rules, with the platform's services faked in memory: no server, milliseconds. */
class SuggestionRulesTest {

  private final FakePlatform platform = new FakePlatform().in("kirklees");
  private final SuggestionRules rules = new SuggestionRules(platform.settings());

  @Test
  void aSuggestionIsKeptAsTypedWithoutTheSpaceAroundIt() {
    assertThat(rules.accepted("  More evening meetings, please ")).isEqualTo("More evening meetings, please");
  }

  @Test
  void anEmptySuggestionSaysWhatToWrite() {
    assertThatThrownBy(() -> rules.accepted("   "))
        .isInstanceOf(Refused.class)
        .hasMessage("write your suggestion");
  }

  @Test
  void aCouncilThatClosesTheBoxRefusesNewSuggestions() {
    platform.settings().set(SuggestionBoxPlugin.OPEN, false);

    assertThat(rules.open()).isFalse();
    assertThatThrownBy(() -> rules.accepted("Meet in the library"))
        .isInstanceOf(Refused.class)
        .hasMessageContaining("not taking suggestions");
  }

  @Test
  void eachCouncilsOwnLimitApplies() {
    platform.settings().set(SuggestionBoxPlugin.LONGEST, 50L);
    String long51 = "a".repeat(51);

    assertThatThrownBy(() -> rules.accepted(long51))
        .isInstanceOf(Refused.class)
        .hasMessage("must be 50 characters or fewer");

    platform.in("solihull");
    assertThat(rules.accepted(long51)).hasSize(51);
  }
}
