package org.roundtable.core.rest;

/**
 * An expected failure of a request (not found, conflict, bad state) that answers with a problem.
 * Its message is the problem's detail, so it must be written for the caller.
 */
public class ProblemException extends RuntimeException {

  private final ProblemType type;

  public ProblemException(ProblemType type, String detail) {
    super(detail);
    this.type = type;
  }

  public ProblemType type() {
    return type;
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(ProblemType.NOT_FOUND, what + " was not found");
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(ProblemType.CONFLICT, detail);
  }
}
