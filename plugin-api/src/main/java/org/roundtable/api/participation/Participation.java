package org.roundtable.api.participation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One person's participation in one activity.
 *
 * @param memberId the member who took part
 * @param activityType e.g. {@code board-meeting}
 * @param activityTitle for people, e.g. "Carers Partnership Board — 12 March"
 * @param activityReference the plugin's stable reference, e.g. the meeting's id; one record per
 *     member and reference
 * @param start when it started
 * @param duration how long they took part
 * @param role their role, e.g. {@code chair} or {@code member}
 * @param livedExperience whether they took part in a lived-experience role (which payment policies
 *     look at)
 * @since 1.0.0
 */
public record Participation(
    UUID memberId,
    String activityType,
    String activityTitle,
    String activityReference,
    Instant start,
    Duration duration,
    String role,
    boolean livedExperience) {

  /**
   * Checks the record.
   *
   * @since 1.0.0
   */
  public Participation {
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(activityType, "activityType");
    Objects.requireNonNull(activityTitle, "activityTitle");
    Objects.requireNonNull(activityReference, "activityReference");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(role, "role");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("A duration cannot be negative");
    }
  }
}
