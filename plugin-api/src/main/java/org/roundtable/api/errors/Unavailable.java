package org.roundtable.api.errors;

/**
 * Something the request needs (the sign-in service, a payment provider) is not answering just now;
 * trying again later may work. The API answers 503; pages show the council's "try again in a
 * minute" page. Log the cause where it is caught: the message is for the person.
 *
 * @since 1.7.0
 */
public final class Unavailable extends DomainException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what cannot be done just now, and what to do
   * @since 1.7.0
   */
  public Unavailable(String message) {
    super(message);
  }
}
