package org.roundtable.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roundtable.api.errors.Refused;

class DocumentTypeTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aFileIsTheKindItsTypeSaysOnlyWhenItsBytesAgree() {
    assertThat(DocumentType.of("application/pdf; name=x.pdf")).contains(DocumentType.PDF);
    assertThat(DocumentType.PDF.matches(bytes("%PDF-1.4\n"))).isTrue();
    assertThat(DocumentType.PDF.matches(bytes("<html>"))).isFalse();
    assertThat(DocumentType.PNG.matches(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10})).isTrue();
    assertThat(DocumentType.TEXT.matches(bytes("Minutes of the carers' board, 3 March"))).isTrue();
    assertThat(DocumentType.CSV.matches(bytes("<script>alert(1)</script>"))).isFalse();
    assertThat(DocumentType.TEXT.matches(new byte[] {(byte) 0xC3, 0x28})).as("not UTF-8").isFalse();
    assertThat(DocumentType.of("image/svg+xml")).as("never SVG").isEmpty();
    assertThat(DocumentType.of("text/html")).isEmpty();
  }

  @Test
  void aTypeThisPlaceDoesNotTakeIsRefusedNamingThoseItDoes() {
    Set<DocumentType> papers = Set.of(DocumentType.PDF, DocumentType.WORD);
    assertThat(DocumentType.accepted("application/pdf", bytes("%PDF-1.7"), papers, "file"))
        .isEqualTo(DocumentType.PDF);
    assertThatThrownBy(() -> DocumentType.accepted("image/png", bytes("x"), papers, "file"))
        .isInstanceOf(Refused.class)
        .hasMessage("add a PDF or a Word document");
    assertThatThrownBy(
            () ->
                DocumentType.accepted(
                    "text/html",
                    bytes("<p>"),
                    Set.of(DocumentType.PDF, DocumentType.JPEG, DocumentType.PNG),
                    "receipt"))
        .hasMessage("add a PDF, a JPEG photo or a PNG image");
    assertThatThrownBy(
            () -> DocumentType.accepted("application/pdf", bytes("<html>"), papers, "file"))
        .hasMessage("the file is not what its type says")
        .satisfies(
            e -> assertThat(((Refused) e).reason()).isEqualTo(Refused.Reason.UNSUPPORTED_TYPE));
  }

  @Test
  void anEmptyFileAndOneLargerThanThePlaceKeepsAreRefusedFirst() {
    Set<DocumentType> pdf = Set.of(DocumentType.PDF);
    assertThatThrownBy(() -> DocumentType.accepted("application/pdf", new byte[0], pdf, "file", 10))
        .isInstanceOf(Refused.class)
        .hasMessageContaining("the file is empty");
    byte[] big = "%PDF-1.4 and rather more than one megabyte".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> DocumentType.accepted("application/pdf", big, pdf, "file", 16))
        .isInstanceOf(Refused.class)
        .satisfies(e -> assertThat(((Refused) e).reason()).isEqualTo(Refused.Reason.TOO_LARGE));
    assertThat(DocumentType.accepted("application/pdf", big, pdf, "file", 1024 * 1024))
        .isEqualTo(DocumentType.PDF);
  }
}
