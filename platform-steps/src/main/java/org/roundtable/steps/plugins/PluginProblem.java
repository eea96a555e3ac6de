package org.roundtable.steps.plugins;

/** A set of plugins the platform cannot start with; the message names the plugin and the fix. */
public class PluginProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PluginProblem(String message) {
    super(message);
  }

  public PluginProblem(String message, Throwable cause) {
    super(message, cause);
  }
}
