package org.roundtable.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.testkit.fixture.OpenEntity;
import org.roundtable.testkit.fixture.OwnedEntity;

class PluginEntitiesTest {

  @TempDir Path folder;

  @Test
  void anEntityNotTenantOwnedOrOnATableOfAnotherChangelogIsNamed() throws Exception {
    Path jar = jarOf(OpenEntity.class, OwnedEntity.class);

    List<String> problems = PluginEntities.problems(jar, List.of("kit_owned"));

    assertThat(problems)
        .containsExactlyInAnyOrder(
            OpenEntity.class.getName()
                + ": an entity not marked @TenantOwned is shared by every council",
            OpenEntity.class.getName()
                + ": maps to kit_open, which the plugin's changelog does not create");
  }

  @Test
  void aTenantOwnedEntityOnItsOwnTablePasses() throws Exception {
    assertThat(PluginEntities.problems(jarOf(OwnedEntity.class), List.of("kit_owned"))).isEmpty();
  }

  private Path jarOf(Class<?>... classes) throws Exception {
    Path jar = folder.resolve("plugin.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Class<?> type : classes) {
        String name = type.getName().replace('.', '/') + ".class";
        out.putNextEntry(new ZipEntry(name));
        try (var in = type.getClassLoader().getResourceAsStream(name)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return jar;
  }
}
