package org.roundtable.plugins.peerchallenge.domain;

/**
 * A team member's part in a challenge. Every part has the same access to the schedule, documents
 * and evidence: the roles describe, they never rank.
 */
public enum TeamRole {
  LEAD_PEER("Lead peer"),
  MEMBER_PEER("Member peer (councillor)"),
  OPERATIONAL_PEER("Operational peer"),
  COMMISSIONING_PEER("Commissioning peer"),
  EXPERT_BY_EXPERIENCE("Expert-by-experience peer"),
  CHALLENGE_MANAGER("Challenge manager");

  private final String words;

  TeamRole(String words) {
    this.words = words;
  }

  /** The part in plain words. */
  public String words() {
    return words;
  }
}
