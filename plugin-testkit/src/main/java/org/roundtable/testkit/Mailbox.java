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
    throw new AssertionError(
        "Nothing containing '"
            + text
            + "' reached "
            + address
            + "; it got: "
            + subjectsTo(address));
  }

  /** The subjects of what reached an address, for a failing test's message. */
  private static java.util.List<String> subjectsTo(String address) {
    java.util.List<String> subjects = new java.util.ArrayList<>();
    try {
      for (MimeMessage message : TestServers.mail().getReceivedMessages()) {
        for (var recipient : message.getAllRecipients()) {
          if (recipient.toString().contains(address)) {
            subjects.add(message.getSubject());
          }
        }
      }
    } catch (MessagingException e) {
      subjects.add("(unreadable: " + e.getMessage() + ")");
    }
    return subjects;
  }

  /**
   * The email's text as its reader sees it: the text parts decoded (quoted-printable or base64, as
   * a text with a dash or an accent and an attachment is sent), else the raw body.
   */
  private static String body(MimeMessage message) throws MessagingException, IOException {
    StringBuilder text = new StringBuilder();
    textOf(message.getContent(), message.isMimeType("text/plain"), text);
    return !text.isEmpty()
        ? text.toString()
        : GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
  }

  /** The decoded text parts, however deep in alternatives and mixed parts they are. */
  private static void textOf(Object content, boolean plain, StringBuilder text)
      throws MessagingException, IOException {
    if (content instanceof String part && plain) {
      text.append(part);
    } else if (content instanceof Multipart parts) {
      for (int p = 0; p < parts.getCount(); p++) {
        BodyPart part = parts.getBodyPart(p);
        if (part.getDisposition() == null
            || !part.getDisposition().equalsIgnoreCase("attachment")) {
          textOf(part.getContent(), part.isMimeType("text/plain"), text);
        }
      }
    }
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
