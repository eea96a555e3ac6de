package org.roundtable.core.member;

/** What a meeting must offer for a member to take part. */
public enum AccessNeed {
  STEP_FREE("Step-free access"),
  HEARING_LOOP("A hearing loop"),
  QUIET_ROOM("A quiet room"),
  CARER_OR_PA_ATTENDING("My carer or personal assistant comes with me"),
  ACCESSIBLE_TOILET("An accessible toilet"),
  BREAKS("Regular breaks"),
  DIETARY("Food and drink I can eat (say what below)");

  private final String words;

  AccessNeed(String words) {
    this.words = words;
  }

  /** The need in the member's own words, as the profile offers it. */
  public String words() {
    return words;
  }
}
