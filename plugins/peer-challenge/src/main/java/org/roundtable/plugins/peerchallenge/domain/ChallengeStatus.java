package org.roundtable.plugins.peerchallenge.domain;

/** Where a challenge is, from scoping to closed; it moves forward one step at a time. */
public enum ChallengeStatus {
  SCOPING,
  PREPARING,
  ON_SITE,
  FEEDBACK,
  REPORTING,
  ACTION_PLAN,
  PROGRESS_REVIEW,
  CLOSED;

  /** Whether a challenge in this status may move to {@code next}: the next step only. */
  public boolean mayMoveTo(ChallengeStatus next) {
    return next.ordinal() == ordinal() + 1;
  }
}
