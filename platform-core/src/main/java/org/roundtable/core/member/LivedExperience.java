package org.roundtable.core.member;

/** Lived-experience tags, recorded only with the member's consent. */
public enum LivedExperience {
  CARER,
  DRAWS_ON_CARE,
  PARENT_CARER,
  YOUNG_CARER,
  FORMER_CARER
}
