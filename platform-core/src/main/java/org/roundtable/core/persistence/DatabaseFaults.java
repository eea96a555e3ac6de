package org.roundtable.core.persistence;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database cannot serve just now (down, frozen, out of connections, a
 * statement or lock wait past its limit) rather than a fault in the request or the code: such a
 * request answers 503 with {@code Retry-After}, and the caller tries again, where anything else is
 * a 500.
 */
public final class DatabaseFaults {

  /**
   * Request attribute set when a request met an unavailable database: the page that says so is
   * drawn without asking the database again (the council's look as last seen, no menu).
   */
  public static final String ATTRIBUTE = DatabaseFaults.class.getName();

  /** How long a caller should wait before trying again, in seconds. */
  public static final int RETRY_AFTER_SECONDS = 30;

  private DatabaseFaults() {}

  /** Whether this failure, or one of its causes, is the database being unavailable. */
  public static boolean isUnavailable(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof SQLTimeoutException
          || t instanceof SocketTimeoutException
          || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && isUnavailableState(sql.getSQLState())) {
        return true;
      }
      String type = t.getClass().getName();
      // The application server's pool: no connection within its wait (all in use, or none can be
      // made).
      if (type.endsWith("PoolingException")
          || type.endsWith("ResourceAllocationException")
          || (t instanceof SQLException
              && t.getMessage() != null
              && t.getMessage().startsWith("Error in allocating a connection"))) {
        return true;
      }
      // The transaction manager or the pool's resource adapter failing to commit or roll back:
      // the database is this application's only transactional resource, so its connection was
      // lost under the transaction (a database stopping mid-commit). They carry no SQLException.
      if (type.equals("jakarta.transaction.SystemException")
          || type.equals("jakarta.transaction.HeuristicMixedException")
          || type.equals("javax.transaction.xa.XAException")
          || type.equals("jakarta.resource.spi.LocalTransactionException")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * SQLSTATEs of an unavailable database: class 08 (connection), 53 (insufficient resources),
   * 57P01-57P03 (shut down, crashed, not accepting connections yet), 57014 (a statement past its
   * timeout), 55P03 (a lock not granted in time), 40P01 (a deadlock: retrying succeeds).
   */
  static boolean isUnavailableState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.startsWith("53")
            || state.startsWith("57P0")
            || state.equals("57014")
            || state.equals("55P03")
            || state.equals("40P01"));
  }
}
