package org.roundtable.core.arquillian;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * The in-container test's Payara, started once more when its first start deploys nothing: Payara's
 * own boot race ({@code org.roundtable.devservers.PayaraBoot}) leaves the process hanging until
 * Arquillian's start-up timeout, and would fail every test of the class for a fault of Payara's.
 * The testkit and the run command watch Payara's output for the race; the adapter keeps that output
 * to itself, so any failed first deployment is tried once more (a real fault fails twice, and is
 * reported). Registered in {@code META-INF/services}.
 */
public final class PayaraBootRetry implements LoadableExtension {

  @Override
  public void register(ExtensionBuilder builder) {
    builder.override(
        DeployableContainer.class, PayaraMicroDeployableContainer.class, Container.class);
  }

  /** Payara Micro as the adapter starts it, once more after a start that deployed nothing. */
  public static final class Container extends PayaraMicroDeployableContainer {

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
      try {
        return super.deploy(archive);
      } catch (DeploymentException first) {
        System.out.println(
            "Payara Micro did not deploy the application ("
                + first.getMessage()
                + "); stopping it and starting it once more");
        // The adapter stops its Payara in undeploy (its stop() does nothing).
        try {
          undeploy(archive);
        } catch (DeploymentException e) {
          first.addSuppressed(e);
          throw first;
        }
        return super.deploy(archive);
      }
    }
  }
}
