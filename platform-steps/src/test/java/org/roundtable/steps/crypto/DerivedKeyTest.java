package org.roundtable.steps.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DerivedKeyTest {

  // The 32 bytes 0x00..0x1f.
  private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  @Test
  void aDerivedKeyIsTheSameAsBeforeTheHkdfLibraryChanged() {
    FieldEncryption encryption = FieldEncryption.of("k1=" + KEY, "k1");

    FieldEncryption.DerivedKey key = encryption.derive("roundtable form token v1");

    // HKDF-SHA256 (RFC 5869) with no salt, as Bouncy Castle's HKDFBytesGenerator derived it for
    // this key and purpose: forms opened before an upgrade still post after it.
    assertThat(HexFormat.of().formatHex(key.bytes()))
        .isEqualTo("169dff3f424c58ff9da4c0e50c8cd6eff04ca6b9a53f2061cf3f8b601d89061c");
    assertThat(key.keyId()).isEqualTo("k1");
  }

  @Test
  void eachPurposeAndEachActiveKeyHasItsOwnKey() {
    FieldEncryption first =
        FieldEncryption.of("k1=" + KEY + ",k2=" + FieldEncryption.newKey(), "k1");
    FieldEncryption second =
        FieldEncryption.of("k1=" + KEY + ",k2=" + FieldEncryption.newKey(), "k2");

    assertThat(first.derive("one").bytes()).isNotEqualTo(first.derive("two").bytes());
    assertThat(first.derive("one").bytes()).isNotEqualTo(second.derive("one").bytes());
    assertThat(second.derive("one").keyId()).isEqualTo("k2");
  }
}
