package org.roundtable.plugins.peerchallenge.domain;

/** What a team member's day on a challenge was spent on. */
public enum DayPart {
  PREPARATION("Preparation"),
  TEAM_MEETING("Team meeting"),
  ON_SITE("On site");

  private final String words;

  DayPart(String words) {
    this.words = words;
  }

  /** The part in plain words. */
  public String words() {
    return words;
  }
}
