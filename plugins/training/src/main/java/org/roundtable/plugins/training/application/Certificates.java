package org.roundtable.plugins.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.platform.Members;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.training.domain.Booking;
import org.roundtable.plugins.training.domain.Course;
import org.roundtable.plugins.training.domain.TrainingSession;

/**
 * A certificate of attendance, as a PDF made with Apache PDFBox: the person's name, the course, the
 * day, the hours and the learning outcomes. DejaVu Sans is embedded (subset), so every name prints,
 * whatever its script, and the file reads the same on any machine.
 */
@ApplicationScoped
public class Certificates {

  private static final String FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
  private static final String BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  @Inject Bookings bookings;
  @Inject Sessions sessions;
  @Inject Courses courses;
  @Inject Members members;

  /** The certificate's file: its name and bytes. */
  public record Certificate(String fileName, byte[] pdf) {}

  /**
   * The certificate for a place the person came to: theirs, or anyone's for someone who books for
   * others.
   *
   * @throws NotFound for someone else's booking, or a session they did not come to
   */
  @Transactional
  public Certificate of(java.util.UUID bookingId) {
    Booking booking = bookings.yours(bookingId);
    if (!Boolean.TRUE.equals(booking.attended())) {
      throw new NotFound("A certificate for this session");
    }
    TrainingSession session = sessions.session(booking.sessionId());
    Course course = courses.course(session.courseId());
    String name = members.find(booking.memberId()).map(Members.Summary::name).orElse("");
    return new Certificate(
        "certificate-" + UkTime.local(session.startsAt()).toLocalDate() + ".pdf",
        pdf(name, course, session));
  }

  /** The PDF itself. */
  static byte[] pdf(String name, Course course, TrainingSession session) {
    try (PDDocument document = new PDDocument();
        InputStream regular = Certificates.class.getResourceAsStream(FONT);
        InputStream bold = Certificates.class.getResourceAsStream(BOLD)) {
      if (regular == null || bold == null) {
        throw new IllegalStateException("The certificate's font is not in the plugin's JAR");
      }
      PDFont text = PDType0Font.load(document, regular);
      PDFont heading = PDType0Font.load(document, bold);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Certificate of attendance: " + course.title());
      info.setAuthor("Roundtable");
      PDPage page =
          new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
      document.addPage(page);
      Duration length = Duration.between(session.startsAt(), session.endsAt());
      try (PDPageContentStream out = new PDPageContentStream(document, page)) {
        float width = page.getMediaBox().getWidth();
        float y = page.getMediaBox().getHeight() - 90;
        y = centred(out, heading, 28, "Certificate of attendance", width, y);
        y = centred(out, text, 14, "This is to certify that", width, y - 24);
        y = centred(out, heading, 24, name, width, y - 14);
        y = centred(out, text, 14, "took part in", width, y - 14);
        y = centred(out, heading, 18, course.title(), width, y - 12);
        y =
            centred(
                out,
                text,
                13,
                "on "
                    + DAY.format(UkTime.local(session.startsAt()))
                    + " ("
                    + hours(length)
                    + " of learning)",
                width,
                y - 10);
        y =
            centred(
                out,
                text,
                12,
                "Co-delivered with experts by experience: people who draw on care and support.",
                width,
                y - 10);
        y = centred(out, heading, 13, "What it covered", width, y - 24);
        for (String outcome : course.outcomes()) {
          for (String line : wrap(text, 12, "• " + outcome, width - 160)) {
            y = centred(out, text, 12, line, width, y - 4);
          }
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The certificate could not be made", e);
    }
  }

  private static String hours(Duration length) {
    long minutes = length.toMinutes();
    long whole = minutes / 60;
    long rest = minutes % 60;
    String h = whole == 1 ? "1 hour" : whole + " hours";
    return rest == 0 ? h : (whole == 0 ? rest + " minutes" : h + " " + rest + " minutes");
  }

  /** Writes a line centred, and returns the baseline of the next. */
  private static float centred(
      PDPageContentStream out, PDFont font, float size, String line, float width, float y)
      throws IOException {
    float lineWidth = font.getStringWidth(line) / 1000 * size;
    out.beginText();
    out.setFont(font, size);
    out.newLineAtOffset((width - lineWidth) / 2, y);
    out.showText(line);
    out.endText();
    return y - size * 1.4f;
  }

  private static List<String> wrap(PDFont font, float size, String line, float widest)
      throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : line.split(" ")) {
      String tried = current.isEmpty() ? word : current + " " + word;
      if (font.getStringWidth(tried) / 1000 * size > widest && !current.isEmpty()) {
        lines.add(current.toString());
        current = new StringBuilder(word);
      } else {
        current = new StringBuilder(tried);
      }
    }
    if (!current.isEmpty()) {
      lines.add(current.toString());
    }
    return lines;
  }
}
