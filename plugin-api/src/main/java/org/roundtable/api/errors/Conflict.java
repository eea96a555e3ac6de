package org.roundtable.api.errors;

/**
 * The request is sound but the thing it acts on is not in a state that allows it ("This claim has
 * been paid and cannot change", "This member already sits on the board"). The API answers 409; a
 * form shows the message in its error summary.
 *
 * @since 1.7.0
 */
public final class Conflict extends DomainException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what stands in the way, in plain words
   * @since 1.7.0
   */
  public Conflict(String message) {
    super(message);
  }
}
