package org.roundtable.core.request;

import java.util.List;

/**
 * An expected failure of a request (not found, conflict, bad state) that answers with a problem.
 * Its message is the problem's detail, so it must be written for the caller.
 */
public class ProblemException extends RuntimeException {

  private final ProblemType type;
  private final List<Problem.FieldError> errors;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.type = type;
    this.errors = List.copyOf(errors);
  }

  public ProblemType type() {
    return type;
  }

  /** The invalid fields, for validation problems. */
  public List<Problem.FieldError> errors() {
    return errors;
  }

  /**
   * A whole-number query parameter, checked against its range.
   *
   * @throws ProblemException a validation problem naming the parameter, if out of range
   */
  public static int inRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(name, "must be between " + min + " and " + max);
    }
    return value;
  }

  /** A validation problem about one named field, parameter or header. */
  public static ProblemException invalid(String name, String detail) {
    return new ProblemException(
        ProblemType.VALIDATION,
        "Correct the fields listed in errors and send it again",
        List.of(new Problem.FieldError(name, detail)));
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(ProblemType.NOT_FOUND, what + " was not found");
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(ProblemType.CONFLICT, detail);
  }
}
