package org.roundtable.steps.plugins;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.roundtable.api.plugin.PluginDescriptor;

/**
 * Two plugins' entities share one persistence unit: a name both use would stop the application with
 * a JPA error naming neither plugin, so the check every start, migration and assembly makes refuses
 * it first, naming both.
 */
class EntityNamesTest {

  @Test
  void twoPluginsEntitiesWithOneNameAreRefusedBeforeJpaFailsToStart() {
    PluginDescriptor first =
        PluginDescriptor.builder("peer-challenge")
            .name("Peer challenge")
            .version("1.0.0")
            .requiresApi("[1.0,2.0)")
            .entities(org.roundtable.steps.plugins.fixture.first.Debrief.class)
            .build();
    PluginDescriptor second =
        PluginDescriptor.builder("training")
            .name("Training")
            .version("1.0.0")
            .requiresApi("[1.0,2.0)")
            .entities(org.roundtable.steps.plugins.fixture.second.Debrief.class)
            .build();

    assertThatThrownBy(() -> Plugins.checkedInOrder(List.of(first, second), "1.0.0"))
        .isInstanceOf(PluginProblem.class)
        .hasMessageContaining("'peer-challenge' and 'training' both have an entity named 'Debrief'")
        .hasMessageContaining("@Entity(name = \"trainingDebrief\")");
  }
}
