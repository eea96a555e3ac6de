package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.roundtable.api.events.EventListener;
import org.roundtable.api.events.PlatformEvent;
import org.roundtable.api.money.Money;
import org.roundtable.api.platform.Mail;
import org.roundtable.api.platform.Members;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.domain.UkText;

/**
 * Tells people by email when their claims are approved and when they are paid, in plain words,
 * after the change committed. People without an email address hear from their officer instead.
 */
@ApplicationScoped
public class ClaimNotices implements EventListener {

  private static final Logger LOG = Logger.getLogger(ClaimNotices.class.getName());

  @Inject Members members;
  @Inject Mail mail;

  @Override
  public String pluginId() {
    return PaymentsPlugin.ID;
  }

  @Override
  public Set<String> types() {
    return Set.of(ClaimApprovals.APPROVED_EVENT, FinanceRuns.PAID_EVENT);
  }

  @Override
  public void on(PlatformEvent event) {
    JsonObject payload = event.payload();
    Optional<Members.Summary> member = members.find(UUID.fromString(payload.getString("memberId")));
    if (member.isEmpty() || member.get().email().isEmpty()) {
      LOG.fine("No email address for a claim notice; the officer tells them");
      return;
    }
    String name = member.get().name();
    String subject;
    String text;
    if (ClaimApprovals.APPROVED_EVENT.equals(event.type())) {
      int count = payload.getJsonArray("claimIds").size();
      subject = count == 1 ? "Your claim is approved" : "Your " + count + " claims are approved";
      text =
          "Dear "
              + name
              + ",\n\n"
              + (count == 1 ? "Your claim has" : count + " of your claims have")
              + " been approved. Finance will pay "
              + (count == 1 ? "it" : "them")
              + " in their next payment run, and we will email you when the money is on its"
              + " way.\n\nYou can see each claim and where it is by signing in to Roundtable.\n\n"
              + "Thank you for your time.\n";
    } else {
      long total = payload.getJsonNumber("totalPence").longValue();
      LocalDate paidOn = LocalDate.parse(payload.getString("paidOn"));
      subject = "Your payment of " + Money.ofPence(total).display() + " is on its way";
      text =
          "Dear "
              + name
              + ",\n\nWe paid "
              + Money.ofPence(total).display()
              + " for "
              + payload.getInt("claims")
              + (payload.getInt("claims") == 1 ? " claim" : " claims")
              + " on "
              + UkText.day(paidOn)
              + ". A bank payment can take up to three working days to reach your account;"
              + " vouchers and charity gifts are sent the same way as before.\n\n"
              + "Your yearly statement, for a tax return or a benefits review, is in Roundtable"
              + " under My claims.\n\nThank you for your time.\n";
    }
    try {
      mail.send(member.get().email().get(), subject, text, List.of());
    } catch (Mail.MailNotSent e) {
      // Thrown on: the platform delivers the event again later.
      throw new IllegalStateException("The claim notice could not be sent yet", e);
    }
  }
}
