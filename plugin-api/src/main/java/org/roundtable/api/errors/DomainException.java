package org.roundtable.api.errors;

/**
 * A request that cannot be done, for a reason the caller can act on. Its message is written for the
 * person using the platform, in plain words: it is shown to them as it is. It carries no stack
 * trace: it is an answer, not a fault.
 *
 * @since 1.7.0
 */
public abstract sealed class DomainException extends RuntimeException
    permits NotFound, Refused, Conflict, Forbidden, Unavailable {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong and, where it helps, what to do
   * @since 1.7.0
   */
  protected DomainException(String message) {
    super(message, null, false, false);
  }
}
