package org.roundtable.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldEncryptionTest {

  private final String k1 = FieldEncryption.newKey();
  private final String k2 = FieldEncryption.newKey();

  @Test
  void sealsWithTheActiveKeyAndNamesIt() {
    FieldEncryption encryption = FieldEncryption.of("2026a=" + k1, "2026a");

    String sealed = encryption.encrypt("client-secret");

    assertThat(sealed).startsWith("v1:2026a:").doesNotContain("client-secret");
    assertThat(encryption.encrypt("client-secret")).as("a fresh IV each time").isNotEqualTo(sealed);
    assertThat(encryption.decrypt(sealed)).isEqualTo("client-secret");
  }

  @Test
  void afterRotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
    String old = FieldEncryption.of("2026a=" + k1, "2026a").encrypt("bank reference");
    FieldEncryption rotated = FieldEncryption.of("2026a=" + k1 + ",2027a=" + k2, "2027a");

    assertThat(rotated.decrypt(old)).isEqualTo("bank reference");
    assertThat(rotated.encrypt("new")).startsWith("v1:2027a:");
  }

  @Test
  void alteredValuesAndRetiredKeysAreRefused() {
    FieldEncryption encryption = FieldEncryption.of("2026a=" + k1, "2026a");
    String sealed = encryption.encrypt("secret");
    String altered =
        sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");

    assertThatThrownBy(() -> encryption.decrypt(altered)).hasMessageContaining("cannot be opened");
    assertThatThrownBy(() -> FieldEncryption.of("2027a=" + k2, "2027a").decrypt(sealed))
        .hasMessageContaining("'2026a', which is not configured");
    assertThatThrownBy(() -> FieldEncryption.of("2026a=" + k1, "other"))
        .hasMessageContaining("active-key");
    assertThatThrownBy(() -> FieldEncryption.of("2026a=c2hvcnQ=", "2026a"))
        .hasMessageContaining("32 bytes");
  }
}
