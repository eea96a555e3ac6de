package org.roundtable.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionRangeTest {

  @Test
  void aRangeContainsTheVersionsBetweenItsBounds() {
    VersionRange oneX = VersionRange.parse("[1.0,2.0)");

    assertThat(oneX.contains("1.0.0")).isTrue();
    assertThat(oneX.contains("1.10.3")).isTrue();
    assertThat(oneX.contains("2.0.0")).isFalse();
    assertThat(oneX.contains("0.9")).isFalse();
    assertThat(VersionRange.parse("[1.2,)").contains("7.0")).isTrue();
    assertThat(VersionRange.parse("[1.2,)").contains("1.1.9")).isFalse();
    assertThat(VersionRange.parse("[1.0.0]").contains("1.0")).isTrue();
    assertThat(VersionRange.parse("(1.0,1.1]").contains("1.0")).isFalse();
  }

  @Test
  void somethingThatIsNotARangeIsRefusedWithAReason() {
    assertThatThrownBy(() -> VersionRange.parse("1.0")).hasMessageContaining("[1.0,2.0)");
    assertThatThrownBy(() -> VersionRange.parse("[one,two)")).hasMessageContaining("'one'");
    assertThatThrownBy(() -> VersionRange.parse("[,]")).hasMessageContaining("no bounds");
  }

  @Test
  void aDescriptorRefusesAForeignPermissionAndABadId() {
    assertThatThrownBy(
            () ->
                PluginDescriptor.builder("boards")
                    .name("Boards")
                    .version("1.0.0")
                    .requiresApi("[1.0,2.0)")
                    .permissions(new Permission("core:members:read", "x", java.util.Set.of()))
                    .build())
        .hasMessageContaining("must start with boards:");
    assertThatThrownBy(() -> PluginDescriptor.builder("Boards!"))
        .hasMessageContaining("lower-case");
  }
}
