package org.roundtable.core.tenancy;

import java.nio.file.Path;

/** A tenant file that cannot be used; the message names the file, the line and what is wrong. */
public class TenantFileException extends RuntimeException {

  private final Path file;
  private final int line;

  public TenantFileException(Path file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** 1-based line number, or 0 when the problem is with the file as a whole. */
  public int line() {
    return line;
  }
}
