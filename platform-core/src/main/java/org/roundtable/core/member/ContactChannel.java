package org.roundtable.core.member;

/** How a member likes to be contacted. */
public enum ContactChannel {
  EMAIL,
  PHONE,
  POST,
  TEXT_MESSAGE
}
