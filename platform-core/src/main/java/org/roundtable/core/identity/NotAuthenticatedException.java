package org.roundtable.core.identity;

/** Credentials were presented but are not valid for this tenant: answered with 401. */
public class NotAuthenticatedException extends RuntimeException {

  public NotAuthenticatedException(String message) {
    super(message);
  }
}
