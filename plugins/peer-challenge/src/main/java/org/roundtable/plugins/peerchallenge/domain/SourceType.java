package org.roundtable.plugins.peerchallenge.domain;

/** Where a piece of evidence came from: triangulation asks for two different kinds. */
public enum SourceType {
  DOCUMENT("Document"),
  INTERVIEW("Interview"),
  FOCUS_GROUP("Focus group"),
  CASE_FILE("Case file"),
  DATA("Data");

  private final String words;

  SourceType(String words) {
    this.words = words;
  }

  /** The source in plain words. */
  public String words() {
    return words;
  }
}
