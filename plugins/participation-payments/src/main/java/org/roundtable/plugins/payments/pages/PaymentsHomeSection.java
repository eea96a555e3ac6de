package org.roundtable.plugins.payments.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.roundtable.api.money.Money;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.web.HomeSection;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.application.Claims;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.UkText;

/** "Claims to confirm" on a member's home page: payments waiting for them to say yes. */
@RequestScoped
public class PaymentsHomeSection implements HomeSection {

  @Inject Claims claims;
  @Inject CurrentMember currentMember;

  @Override
  public String pluginId() {
    return PaymentsPlugin.ID;
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public Optional<Section> forCurrentMember() {
    if (!currentMember.hasPermission(PaymentsPlugin.CLAIM) || currentMember.id().isEmpty()) {
      return Optional.empty();
    }
    List<Item> items =
        claims.mine().stream()
            .filter(c -> c.status() == Claim.Status.DRAFT || c.status() == Claim.Status.REJECTED)
            .map(
                c ->
                    new Item(
                        c.activityTitle(),
                        "payments/claims/" + c.id(),
                        Money.ofPence(c.feePence()).display()
                            + " for "
                            + UkText.day(c.activityDate())
                            + (c.status() == Claim.Status.REJECTED ? " (sent back to you)" : "")))
            .toList();
    return Optional.of(new Section("Claims to confirm", items, "All your claims", "payments/"));
  }
}
