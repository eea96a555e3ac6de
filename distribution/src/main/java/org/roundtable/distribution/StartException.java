package org.roundtable.distribution;

/** The run command could not start something; the message says what and why. */
class StartException extends Exception {

  StartException(String message) {
    super(message);
  }
}
