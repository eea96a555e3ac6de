package org.roundtable.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

  @TempDir Path work;

  @Test
  void refusesToStartWithAMalformedTenantFileNamingFileAndLine() throws IOException {
    Path tenants = work.resolve("tenants");
    Path file = tenants.resolve("kirklees").resolve("tenant.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, "slug: kirklees\ndisplayName: Kirklees\nidentity:\n  realm: kirklees\n  bogus: 1\n");
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int status;
    try {
      System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
      status =
          Launcher.run(
              new LauncherSettings(
                  0, work.resolve("data"), tenants, "-Xmx64m", 0, 0, java.util.Optional.empty()));
    } finally {
      System.setErr(original);
    }

    assertThat(status).isEqualTo(1);
    assertThat(errors.toString(StandardCharsets.UTF_8))
        .contains(file + ":5: unknown key 'bogus' in identity");
    assertThat(work.resolve("data")).as("nothing was started").doesNotExist();
  }
}
