package org.roundtable.plugins.training.domain;

/** Who a course is for. */
public enum Audience {
  /** Newly qualified social workers in their Assessed and Supported Year in Employment. */
  ASYE("Newly qualified social workers (ASYE)"),
  ALL_STAFF("All staff"),
  /** Members: experts by experience and carers learning skills (chairing, email, papers). */
  MEMBERS("Members");

  private final String words;

  Audience(String words) {
    this.words = words;
  }

  /** The audience in plain words. */
  public String words() {
    return words;
  }
}
