package org.roundtable.testkit;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the run's SMTP server received, as a test waits for it: an email to an address containing
 * some text (an invitation's link), or an attachment of a type (a calendar invitation) containing
 * some text. Each waits up to 30 seconds, since mail leaves through the platform's outbox after the
 * change that sent it commits.
 */
public final class Mailbox {

  private Mailbox() {}

  /**
   * @return the body of the first email to {@code address} containing {@code text}
   * @throws AssertionError if none arrives within 30 seconds
   */
  public static String emailTo(String address, String text) {
    return waitFor(address, text, message -> Optional.of(body(message)));
  }

  /**
   * @param contentType e.g. {@code text/calendar}
   * @return the first attachment of that type, in an email to {@code address}, containing {@code
   *     text}
   * @throws AssertionError if none arrives within 30 seconds
   */
  public static String attachmentTo(String address, String contentType, String text) {
    return waitFor(address, text, message -> attachment(message, contentType, text));
  }

  private interface Reader {
    Optional<String> read(MimeMessage message) throws MessagingException, IOException;
  }

  private static String waitFor(String address, String text, Reader reader) {
    try {
      for (int i = 0; i < 60; i++) {
        for (MimeMessage message : TestServers.mail().getReceivedMessages()) {
          for (var recipient : message.getAllRecipients()) {
            if (recipient.toString().contains(address)) {
              Optional<String> found = reader.read(message).filter(s -> s.contains(text));
              if (found.isPresent()) {
                return found.get();
              }
            }
          }
        }
        Thread.sleep(500);
      }
    } catch (MessagingException | IOException e) {
      throw new AssertionError("The mail could not be read: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("Nothing containing '" + text + "' reached " + address);
  }

  private static String body(MimeMessage message) {
    return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
  }

  private static Optional<String> attachment(MimeMessage message, String type, String text)
      throws MessagingException, IOException {
    if (!(message.getContent() instanceof Multipart parts)) {
      return Optional.empty();
    }
    for (int p = 0; p < parts.getCount(); p++) {
      BodyPart part = parts.getBodyPart(p);
      if (part.getContentType().startsWith(type)) {
        try (InputStream in = part.getInputStream()) {
          String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          if (content.contains(text)) {
            return Optional.of(content);
          }
        }
      }
    }
    return Optional.empty();
  }
}
