package org.roundtable.plugins.training.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.web.HomeSection;
import org.roundtable.plugins.training.TrainingPlugin;
import org.roundtable.plugins.training.application.Bookings;
import org.roundtable.plugins.training.application.Courses;
import org.roundtable.plugins.training.application.Evaluations;
import org.roundtable.plugins.training.domain.Booking;
import org.roundtable.plugins.training.domain.TrainingSession;

/** "Training" on a member's home page: their next session, a place offered, evaluations to do. */
@RequestScoped
public class TrainingHomeSection implements HomeSection {

  @Inject Bookings bookings;
  @Inject Courses courses;
  @Inject Evaluations evaluations;
  @Inject CurrentMember currentMember;
  @Inject Clock clock;

  @Override
  public String pluginId() {
    return TrainingPlugin.ID;
  }

  @Override
  public Optional<Section> forCurrentMember() {
    if (currentMember.isGuestOnly()
        || currentMember.signedInId().isEmpty()
        || !currentMember.hasPermission(TrainingPlugin.BOOK)) {
      return Optional.empty();
    }
    List<Item> items = new ArrayList<>();
    List<Booking> mine = bookings.mine(); // read once: this runs on every home page
    mine.stream()
        .filter(b -> b.status() == Booking.Status.OFFERED)
        .forEach(
            b -> {
              TrainingSession s = bookings.sessionOf(b);
              items.add(
                  new Item(
                      "A place is offered to you: " + courses.course(s.courseId()).title(),
                      TrainingPlugin.ID + "/",
                      "Take it before the offer runs out"));
            });
    mine.stream()
        .filter(b -> b.status() == Booking.Status.BOOKED)
        .map(bookings::sessionOf)
        .filter(s -> !s.cancelled() && s.startsAt().isAfter(clock.instant()))
        .min(java.util.Comparator.comparing(TrainingSession::startsAt))
        .ifPresent(
            s ->
                items.add(
                    new Item(
                        "Your next session: " + courses.course(s.courseId()).title(),
                        TrainingPlugin.ID + "/session/" + s.id(),
                        org.roundtable.api.time.UkTime.local(s.startsAt())
                            .format(
                                java.time.format.DateTimeFormatter.ofPattern(
                                    "EEEE d MMMM 'at' HH:mm", java.util.Locale.UK)))));
    for (TrainingSession s : evaluations.toFillIn()) {
      items.add(
          new Item(
              "Evaluate: " + courses.course(s.courseId()).title(),
              TrainingPlugin.ID + "/session/" + s.id(),
              "A few minutes, without your name"));
    }
    if (items.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Section("Training", items, "All training", TrainingPlugin.ID + "/"));
  }
}
