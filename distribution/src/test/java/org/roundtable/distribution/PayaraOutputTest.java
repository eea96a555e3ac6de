package org.roundtable.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayaraOutputTest {

  @Test
  void passesPayarasOutputOnUnchangedAndSeesTheBootRace() {
    String log =
        "[2026-12-05T23:19:01] [INFO] Booting Payara Micro\n"
            + "Réunion café: no harm done to bytes\n"
            + "[SEVERE] Failed to start, exiting\n";
    PayaraOutput output = copied(log);

    assertThat(output.bootFailed()).isTrue();
  }

  @Test
  void aNormalStartIsNotABootFailure() {
    PayaraOutput output =
        copied("Payara Micro 6.2025.10 #badassmicrofish (build 123) ready in 9,714 (ms)\n");

    assertThat(output.bootFailed()).isFalse();
  }

  /** Runs the copy to its end and checks every byte came through as it was sent. */
  private static PayaraOutput copied(String log) {
    byte[] sent = log.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    PayaraOutput output = new PayaraOutput(new ByteArrayInputStream(sent), received);
    output.run();
    assertThat(received.toByteArray()).isEqualTo(sent);
    return output;
  }
}
