package org.roundtable.plugins.peerchallenge.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.time.UkTime;
import org.roundtable.api.web.HomeSection;
import org.roundtable.plugins.peerchallenge.PeerChallengePlugin;
import org.roundtable.plugins.peerchallenge.application.Challenges;
import org.roundtable.plugins.peerchallenge.domain.Challenge;

/**
 * "Your peer challenge" on the home page: for a team member, the challenge they are on site with
 * this week (or their next one); for a host's coordinator, the challenge they host.
 */
@RequestScoped
public class ChallengeHomeSection implements HomeSection {

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

  @Inject Challenges challenges;
  @Inject CurrentMember currentMember;
  @Inject Clock clock;

  @Override
  public String pluginId() {
    return PeerChallengePlugin.ID;
  }

  @Override
  public Optional<Section> forCurrentMember() {
    boolean guest =
        currentMember.isGuestOnly()
            && !currentMember.guestRecords(PeerChallengePlugin.GUEST_CHALLENGES).isEmpty();
    if (!guest && !currentMember.hasPermission(PeerChallengePlugin.READ)) {
      return Optional.empty();
    }
    LocalDate today = UkTime.today(clock);
    List<Challenge> current =
        challenges.visible().stream()
            .filter(c -> !c.dates().onSiteTo().isBefore(today.minusDays(7)))
            .sorted(java.util.Comparator.comparing(c -> c.dates().onSiteFrom()))
            .limit(3)
            .toList();
    if (current.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Section(
            guest ? "The peer challenge you host" : "Your peer challenge",
            current.stream().map(c -> item(c, today)).toList(),
            guest ? null : "All peer challenges",
            guest ? null : PeerChallengePlugin.ID + "/"));
  }

  private static Item item(Challenge c, LocalDate today) {
    LocalDate from = c.dates().onSiteFrom();
    LocalDate to = c.dates().onSiteTo();
    String when;
    if (!today.isBefore(from) && !today.isAfter(to)) {
      when = "On site this week, until " + DAY.format(to);
    } else if (today.isBefore(from)) {
      when = "On site from " + DAY.format(from);
    } else {
      when = "Visit over: feedback and report";
    }
    return new Item(
        "Peer challenge of " + c.hostCouncil(),
        PeerChallengePlugin.ID + "/challenge/" + c.id(),
        when);
  }
}
