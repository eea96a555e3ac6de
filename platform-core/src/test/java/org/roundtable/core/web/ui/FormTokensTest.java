package org.roundtable.core.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.roundtable.steps.crypto.FieldEncryption;

class FormTokensTest {

  private static final String TYPE = "multipart/form-data; boundary=XyZ";

  @Test
  void theTokenDependsOnTheDataKeySoAMadeUpCookieCannotBeGivenOne() {
    FieldEncryption ours = FieldEncryption.of("k1=" + FieldEncryption.newKey(), "k1");
    FieldEncryption theirs = FieldEncryption.of("k1=" + FieldEncryption.newKey(), "k1");
    String token = SessionBoundCsrf.of(ours.derive(SessionBoundCsrf.PURPOSE), "made-up");

    assertThat(token).startsWith("k1.");
    assertThat(SessionBoundCsrf.of(ours.derive(SessionBoundCsrf.PURPOSE), "made-up"))
        .isEqualTo(token);
    assertThat(SessionBoundCsrf.of(theirs.derive(SessionBoundCsrf.PURPOSE), "made-up"))
        .isNotEqualTo(token);
    assertThat(SessionBoundCsrf.of(ours.derive(SessionBoundCsrf.PURPOSE), "another"))
        .isNotEqualTo(token);
  }

  @Test
  void aFileFormsTokenIsReadFromItsFirstFieldOnly() {
    String first =
        "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nk1.abc\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"a.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n\u0089PNG...";
    assertThat(MultipartCsrf.firstField(bytes(first), TYPE, "_csrf")).contains("k1.abc");

    String second =
        "--XyZ\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"a.png\"\r\n\r\nPNG\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nk1.abc\r\n--XyZ--";
    assertThat(MultipartCsrf.firstField(bytes(second), TYPE, "_csrf")).isEmpty();
    assertThat(MultipartCsrf.firstField(bytes("not a form"), TYPE, "_csrf")).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
