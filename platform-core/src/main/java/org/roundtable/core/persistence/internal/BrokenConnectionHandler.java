package org.roundtable.core.persistence.internal;

import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.exceptions.ExceptionHandler;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.roundtable.core.persistence.BrokenConnections;

/**
 * When a query or a unit of work's writes fail, and the connection it ran on is one the driver has
 * closed (the database restarted or ended the backend, or froze past the socket timeout), the
 * connection is given back to the pool as bad ({@link BrokenConnections}) while the unit of work
 * still holds it, so the request that met the fault is the only one to. The failure itself goes on
 * unchanged.
 *
 * <p>Not a session event on release: with JTA, EclipseLink raises {@code preReleaseConnection} only
 * for connections it acquired outside a client session, never for a request's.
 */
final class BrokenConnectionHandler implements ExceptionHandler {

  @Override
  public Object handleException(RuntimeException exception) {
    if (exception instanceof DatabaseException failure
        && failure.getAccessor() != null
        && failure.getSession() != null
        && failure.getSession().getDatasourceLogin() instanceof DatasourceLogin login
        && login.getConnector() instanceof JNDIConnector connector) {
      BrokenConnections.discardIfClosed(
          connector.getDataSource(), failure.getAccessor().getConnection());
    }
    throw exception;
  }
}
