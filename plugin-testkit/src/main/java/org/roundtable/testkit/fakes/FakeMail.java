package org.roundtable.testkit.fakes;

import java.util.ArrayList;
import java.util.List;
import org.roundtable.api.platform.Mail;

/** Keeps what was sent; {@link #failNext()} makes the next send fail as a relay that is down. */
public final class FakeMail implements Mail {

  /** An email as sent. */
  public record Sent(String to, String subject, String text, List<Attachment> attachments) {}

  private final List<Sent> sent = new ArrayList<>();
  private boolean failNext;

  @Override
  public void send(String to, String subject, String text, List<Attachment> attachments)
      throws MailNotSent {
    if (failNext) {
      failNext = false;
      throw new MailNotSent("The mail relay is down (test)", null);
    }
    sent.add(new Sent(to, subject, text, List.copyOf(attachments)));
  }

  /** The next send fails. */
  public FakeMail failNext() {
    failNext = true;
    return this;
  }

  /** Everything sent, in order. */
  public List<Sent> sent() {
    return List.copyOf(sent);
  }
}
