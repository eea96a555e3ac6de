package org.roundtable.plugins.peerchallenge.domain;

/** What a note or a finding says about the council: a strength, or an area to consider. */
public enum Judgement {
  STRENGTH("Strength"),
  AREA_TO_CONSIDER("Area to consider");

  private final String words;

  Judgement(String words) {
    this.words = words;
  }

  /** The judgement in plain words. */
  public String words() {
    return words;
  }
}
