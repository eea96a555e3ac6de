package org.roundtable.plugins.training.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.plugins.training.application.Places;
import org.roundtable.plugins.training.domain.TrainingSession;

/** A session as the API shows it, and as it takes one. */
@RequestScoped
public class SessionViews {

  @Inject Places places;

  /** When and where a session is, and its places. */
  public record SessionRequest(
      @NotNull(message = "give the start") Instant startsAt,
      @NotNull(message = "give the end") Instant endsAt,
      @Size(max = 300) String venue,
      @Size(max = 1000) String accessInfo,
      @Size(max = 500) String onlineLink,
      @Min(value = 1, message = "a session has at least one place")
          @Max(value = 500, message = "a session has at most 500 places")
          int capacity) {

    TrainingSession.Place place() {
      return new TrainingSession.Place(
          startsAt, endsAt, blankToNull(venue), blankToNull(accessInfo), blankToNull(onlineLink));
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  /** A session, with how many places are left and how many are waiting. */
  public record SessionView(
      UUID id,
      UUID courseId,
      Instant startsAt,
      Instant endsAt,
      String venue,
      String accessInfo,
      String onlineLink,
      int capacity,
      long placesLeft,
      long waiting,
      boolean cancelled,
      Instant registerTakenAt) {}

  SessionView of(TrainingSession s) {
    Places.Count count = places.of(s);
    return new SessionView(
        s.id(),
        s.courseId(),
        s.startsAt(),
        s.endsAt(),
        s.venue(),
        s.accessInfo(),
        s.onlineLink(),
        s.capacity(),
        count.left(),
        count.waiting(),
        s.cancelled(),
        s.registerTakenAt());
  }
}
