package org.roundtable.plugins.training.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.roundtable.plugins.training.domain.Audience;
import org.roundtable.plugins.training.domain.Course;
import org.roundtable.plugins.training.domain.TrainingSession;

class CertificatesTest {

  private final Course course =
      new Course(
          UUID.randomUUID(),
          "What good support looks like — from people who use services",
          Audience.ASYE,
          "Experts by experience and officers, together.",
          List.of("Listen to what matters to the person", "Write plans in plain words"),
          Duration.ofHours(3),
          UUID.randomUUID(),
          Instant.now());
  private final TrainingSession session =
      new TrainingSession(
          UUID.randomUUID(),
          course.id(),
          new TrainingSession.Place(
              Instant.parse("2027-02-09T10:00:00Z"),
              Instant.parse("2027-02-09T13:00:00Z"),
              "Solihull Council House",
              null,
              null),
          10);

  @Test
  void everyNamePrintsWithTheFontEmbedded() throws Exception {
    for (String name :
        List.of(
            "Zoë Ó Súilleabháin", "Đặng Thị Hương", "Αλέξανδρος Παπαδόπουλος", "Юлия Иванова")) {
      try (PDDocument pdf = Loader.loadPDF(Certificates.pdf(name, course, session))) {
        String text = new PDFTextStripper().getText(pdf);
        assertThat(text)
            .contains(
                "Certificate of attendance",
                name,
                "What good support looks like",
                "Tuesday 9 February 2027",
                "3 hours",
                "Listen to what matters to the person");
        PDFont font =
            pdf.getPage(0)
                .getResources()
                .getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
        assertThat(font.isEmbedded()).as("the font travels with the file").isTrue();
      }
    }
  }
}
