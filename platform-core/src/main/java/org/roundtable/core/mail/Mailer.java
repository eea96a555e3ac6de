package org.roundtable.core.mail;

import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The platform's own email (invitation letters now, notifications later), sent over SMTP with
 * Jakarta Mail through the same relay the tenants' realms use ({@code roundtable.mail.*}). Plain
 * text only: it reads well in every mail program and screen reader.
 */
@ApplicationScoped
public class Mailer {

  /** Connect, read and write limits: a relay that does not answer holds nothing up for long. */
  private static final String TIMEOUT_MILLIS = "5000";

  @Inject MailSettings settings;
  @Inject Clock clock;

  /** A file sent with an email. */
  public record Attachment(String fileName, String contentType, byte[] content) {}

  /** One email: to one person, from a council (its name shown as the sender). */
  public record Email(
      String to, String senderName, String subject, String text, List<Attachment> attachments) {

    public Email(String to, String senderName, String subject, String text) {
      this(to, senderName, subject, text, List.of());
    }
  }

  /** Whether a mail relay is configured. */
  public boolean isConfigured() {
    return settings.host().isPresent();
  }

  /**
   * Sends one email now, with the Message-ID {@code <id@domain of the sender address>}: the same
   * for every attempt to send one outbox email, so a repeat can be recognised. Everything but the
   * outbox sends through {@link MailOutbox}.
   *
   * @throws MessagingException when the relay refuses it or cannot be reached
   */
  public void send(Email email, java.util.UUID id) throws MessagingException {
    String from = settings.from();
    String messageId = "<" + id + "@" + from.substring(from.indexOf('@') + 1) + ">";
    MimeMessage message =
        new MimeMessage(session()) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    try {
      message.setFrom(new InternetAddress(settings.from(), email.senderName(), "UTF-8"));
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
    message.setSubject(email.subject(), "UTF-8");
    if (email.attachments().isEmpty()) {
      message.setText(email.text(), "UTF-8");
    } else {
      MimeMultipart parts = new MimeMultipart();
      MimeBodyPart text = new MimeBodyPart();
      text.setText(email.text(), "UTF-8");
      parts.addBodyPart(text);
      for (Attachment attachment : email.attachments()) {
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(
            new DataHandler(
                new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        file.setFileName(attachment.fileName());
        parts.addBodyPart(file);
      }
      message.setContent(parts);
    }
    message.setSentDate(Date.from(clock.instant()));
    Transport.send(message);
  }

  private Session session() {
    Properties properties = new Properties();
    properties.put(
        "mail.smtp.host", settings.host().orElseThrow(() -> new IllegalStateException("No mail")));
    properties.put("mail.smtp.port", Integer.toString(settings.port()));
    properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
    properties.put("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
    properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
    properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
    properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
    Optional<String> user = settings.user();
    Optional<String> password = settings.password();
    if (user.isPresent() && password.isPresent()) {
      properties.put("mail.smtp.auth", "true");
      return Session.getInstance(
          properties,
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user.get(), password.get());
            }
          });
    }
    return Session.getInstance(properties);
  }
}
