package org.roundtable.steps.migration;

/** A migration or schema check that failed; the message says which changelog and why. */
public class MigrationException extends RuntimeException {

  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }

  public MigrationException(String message) {
    super(message);
  }
}
