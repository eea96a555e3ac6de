package org.roundtable.distribution;

import java.nio.file.Path;

/**
 * Assembles the application WAR from the core, the bundled plugins and those in {@code
 * roundtable.plugins.dir}: the image build runs it for the bundled plugins, and the Kubernetes init
 * container runs it when an operator adds plugins in a volume. Refuses plugins that cannot run
 * together (exit 1, naming the plugin).
 *
 * <p>Usage: {@code Assemble <target.war>}.
 */
public final class Assemble {

  private Assemble() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: Assemble <target.war>");
      System.exit(2);
    }
    try {
      ApplicationSteps.assemble(
          ApplicationSteps.pluginJars(LauncherSettings.read()), Path.of(args[0]));
    } catch (StartException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
