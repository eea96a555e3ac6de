package org.roundtable.core.persistence.internal;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * The persistence unit's one session customizer ({@code eclipselink.session.customizer}): the
 * tenant policy on every tenant-owned entity ({@link TenantPolicyCustomizer}), and no query retry.
 * A query that loses its connection fails at once, a 503 to the caller: EclipseLink would otherwise
 * retry a read three times, five seconds apart, holding a request for fifteen seconds while the
 * database is away (ADR 0015). And a connection that broke under a unit of work goes back to the
 * pool as bad ({@link BrokenConnectionHandler}, ADR 0038).
 */
public class PlatformSessionCustomizer implements SessionCustomizer {

  @Override
  public void customize(Session session) throws Exception {
    new TenantPolicyCustomizer().customize(session);
    session.setExceptionHandler(new BrokenConnectionHandler());
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(0);
      login.setDelayBetweenConnectionAttempts(0);
    }
  }
}
