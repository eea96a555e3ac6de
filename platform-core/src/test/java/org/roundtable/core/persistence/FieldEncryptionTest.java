package org.roundtable.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.roundtable.steps.crypto.FieldEncryption;

class FieldEncryptionTest {

  private final String k1 = FieldEncryption.newKey();
  private final String k2 = FieldEncryption.newKey();
  private final FieldEncryption.Place ivysRow =
      new FieldEncryption.Place("kirklees", "payments_payee.bank_details", "ivy");

  @Test
  void sealsWithTheActiveKeyAndNamesIt() {
    FieldEncryption encryption = FieldEncryption.of("2026a=" + k1, "2026a");

    String sealed = encryption.seal("client-secret", ivysRow);

    assertThat(sealed).startsWith("v2:2026a:").doesNotContain("client-secret");
    assertThat(encryption.seal("client-secret", ivysRow))
        .as("a fresh IV each time")
        .isNotEqualTo(sealed);
    assertThat(encryption.open(sealed, ivysRow)).isEqualTo("client-secret");
    assertThat(encryption.isCurrent(sealed)).isTrue();
  }

  @Test
  void aValueMovedToAnotherRowTableOrCouncilDoesNotOpen() {
    FieldEncryption encryption = FieldEncryption.of("2026a=" + k1, "2026a");
    String sealed = encryption.seal("12345678", ivysRow);

    assertThatThrownBy(
            () ->
                encryption.open(
                    sealed,
                    new FieldEncryption.Place(
                        "kirklees", "payments_payee.bank_details", "officer")))
        .hasMessageContaining("cannot be opened here");
    assertThatThrownBy(
            () ->
                encryption.open(
                    sealed, new FieldEncryption.Place("kirklees", "tenant_client_secret", "ivy")))
        .hasMessageContaining("cannot be opened here");
    assertThatThrownBy(
            () ->
                encryption.open(
                    sealed,
                    new FieldEncryption.Place("solihull", "payments_payee.bank_details", "ivy")))
        .hasMessageContaining("cannot be opened here");
  }

  @Test
  void aValueSealedBeforeValuesWereBoundStillOpensAndIsOld() {
    FieldEncryption encryption = FieldEncryption.of("2026a=" + k1, "2026a");
    String old = encryption.sealUnbound("bank reference");

    assertThat(old).startsWith("v1:2026a:");
    assertThat(encryption.open(old, ivysRow)).isEqualTo("bank reference");
    assertThat(encryption.isCurrent(old)).isFalse();
    assertThat(old).doesNotMatch(like(encryption.currentPattern()));
    assertThat(encryption.seal("bank reference", ivysRow))
        .matches(like(encryption.currentPattern()));
  }

  @Test
  void afterRotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
    String old = FieldEncryption.of("2026a=" + k1, "2026a").seal("bank reference", ivysRow);
    FieldEncryption rotated = FieldEncryption.of("2026a=" + k1 + ",2027_a=" + k2, "2027_a");

    assertThat(rotated.open(old, ivysRow)).isEqualTo("bank reference");
    assertThat(rotated.isCurrent(old)).isFalse();
    assertThat(rotated.seal("new", ivysRow)).startsWith("v2:2027_a:");
    assertThat(rotated.currentPattern()).as("_ is escaped").isEqualTo("v2:2027!_a:%");
  }

  @Test
  void alteredValuesAndRetiredKeysAreRefused() {
    FieldEncryption encryption = FieldEncryption.of("2026a=" + k1, "2026a");
    String sealed = encryption.seal("secret", ivysRow);
    String altered =
        sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");

    assertThatThrownBy(() -> encryption.open(altered, ivysRow))
        .hasMessageContaining("cannot be opened");
    assertThatThrownBy(() -> FieldEncryption.of("2027a=" + k2, "2027a").open(sealed, ivysRow))
        .hasMessageContaining("'2026a', which is not configured");
    assertThatThrownBy(() -> FieldEncryption.of("2026a=" + k1, "other"))
        .hasMessageContaining("active-key");
    assertThatThrownBy(() -> FieldEncryption.of("2026a=c2hvcnQ=", "2026a"))
        .hasMessageContaining("32 bytes");
  }

  /** A SQL LIKE pattern with ! as its escape, as a regular expression. */
  private static String like(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '!') {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
