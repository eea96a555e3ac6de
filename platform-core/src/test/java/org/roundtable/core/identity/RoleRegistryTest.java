package org.roundtable.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.api.plugin.Role;

class RoleRegistryTest {

  private static PluginDescriptor plugin(String id, Role... roles) {
    return PluginDescriptor.builder(id)
        .name(id)
        .version("1.0.0")
        .requiresApi("[1.0,2.0)")
        .roles(roles)
        .build();
  }

  @Test
  void rolesComeThePlatformsFirstThenEachPluginsInStartOrder() {
    var roles =
        RoleRegistry.of(
            List.of(
                plugin(
                    "training",
                    new Role("course-organiser", "Course organiser", "Sets up courses"),
                    new Role("learner", "Learner", "Books courses")),
                plugin("peer-challenge", new Role("lead-peer", "Lead peer", "Leads a team"))));

    // The same order every time: the pages list roles so, and each realm's roles are hashed so.
    assertThat(roles.keySet())
        .containsExactly(
            "member",
            "officer",
            "finance",
            "tenant-admin",
            "guest",
            "course-organiser",
            "learner",
            "lead-peer");
  }

  @Test
  void aPluginBringingARoleThatExistsIsNamed() {
    assertThatThrownBy(
            () ->
                RoleRegistry.of(
                    List.of(plugin("rogue", new Role("finance", "Finance", "Pays claims")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rogue brings the role 'finance'");
  }
}
