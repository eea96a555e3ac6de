package org.roundtable.core.member;

/** What a meeting must offer for a member to take part. */
public enum AccessNeed {
  STEP_FREE,
  HEARING_LOOP,
  QUIET_ROOM,
  CARER_OR_PA_ATTENDING,
  ACCESSIBLE_TOILET,
  BREAKS,
  DIETARY
}
