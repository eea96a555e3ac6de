package org.roundtable.core.member;

/** Formats a member needs papers and meetings in. */
public enum Format {
  EASY_READ,
  LARGE_PRINT,
  BSL,
  INTERPRETER,
  AUDIO,
  BRAILLE
}
