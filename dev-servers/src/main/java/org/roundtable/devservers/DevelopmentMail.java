package org.roundtable.devservers;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server on loopback for the run command (GreenMail): every email the platform or
 * Keycloak sends lands here and is written to {@code <data>/mail/} as an {@code .eml} file anyone
 * can open. Development only.
 */
public final class DevelopmentMail implements AutoCloseable {

  private final GreenMail server;
  private final Path folder;
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "roundtable-mail");
            thread.setDaemon(true);
            return thread;
          });
  private int written;

  private DevelopmentMail(GreenMail server, Path folder) {
    this.server = server;
    this.folder = folder;
  }

  public static DevelopmentMail start(int port, Path folder) throws IOException {
    try {
      Files.createDirectories(folder);
      GreenMail server =
          new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
      DevelopmentMail mail = new DevelopmentMail(server, folder);
      mail.writer.scheduleWithFixedDelay(mail::writeNew, 1, 1, TimeUnit.SECONDS);
      return mail;
    } catch (RuntimeException e) {
      throw new IOException(
          "Cannot start the development mail server on port " + port + ": " + e.getMessage(), e);
    }
  }

  /** Settings that point the application (and its realms) at this server. */
  public Map<String, String> applicationSettings() {
    return Map.of(
        "ROUNDTABLE_MAIL_HOST", "127.0.0.1",
        "ROUNDTABLE_MAIL_PORT", Integer.toString(server.getSmtp().getPort()),
        "ROUNDTABLE_MAIL_FROM", "roundtable@localhost");
  }

  public Path folder() {
    return folder;
  }

  private synchronized void writeNew() {
    MimeMessage[] messages = server.getReceivedMessages();
    for (; written < messages.length; written++) {
      MimeMessage message = messages[written];
      try {
        Address[] to = message.getAllRecipients();
        String recipient = to == null || to.length == 0 ? "unknown" : to[0].toString();
        Path file =
            folder.resolve(
                String.format(
                    "%04d-%s.eml", written + 1, recipient.replaceAll("[^A-Za-z0-9@._-]", "_")));
        try (OutputStream out = Files.newOutputStream(file)) {
          message.writeTo(out);
        }
      } catch (IOException | MessagingException e) {
        System.err.println("Could not keep an email: " + e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    writeNew();
    writer.shutdownNow();
    server.stop();
  }
}
