package org.roundtable.core.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Gives the pool back a connection the driver has closed as bad, so the pool destroys it instead of
 * lending it again. PostgreSQL's driver closes a connection on any I/O failure (a database that
 * restarted or ended the backend, a frozen one past the socket timeout); the pool only finds that
 * out when it next validates the connection, at most every 10 s (ADR 0015), and until then lent it
 * to the next request, answered 503 although the database was back (ADR 0038). Checking costs a
 * field read on the driver's connection: no round trip.
 *
 * <p>The pool is told through Payara's extension of {@link DataSource} ({@code
 * com.sun.appserv.jdbc.DataSource}: {@code getConnection(Connection)} gives the driver's connection
 * behind a pooled one, {@code markConnectionAsBad} has the pool destroy it), found by reflection
 * because Payara does not show that interface to applications.
 */
public final class BrokenConnections {

  private static final Logger LOG = Logger.getLogger(BrokenConnections.class.getName());

  /** The pool's two methods, or none when the pool is not Payara's. */
  private record PoolMethods(Method driverConnection, Method markAsBad) {}

  private static final ClassValue<Optional<PoolMethods>> POOLS =
      new ClassValue<>() {
        @Override
        protected Optional<PoolMethods> computeValue(Class<?> pool) {
          try {
            return Optional.of(
                new PoolMethods(
                    pool.getMethod("getConnection", Connection.class),
                    pool.getMethod("markConnectionAsBad", Connection.class)));
          } catch (NoSuchMethodException e) {
            LOG.warning(
                () ->
                    "The connection pool "
                        + pool.getName()
                        + " cannot be told of a broken connection: it finds them by validation");
            return Optional.empty();
          }
        }
      };

  /** SQLSTATE of a connection that is closed. */
  private static final String CONNECTION_DOES_NOT_EXIST = "08003";

  private BrokenConnections() {}

  /** Work on a connection borrowed for it alone. */
  @FunctionalInterface
  public interface ConnectionWork<T> {
    T apply(Connection connection) throws SQLException;
  }

  /**
   * Borrows a connection from {@code pool} for {@code work} and gives it back, as bad if the driver
   * closed it meanwhile.
   */
  public static <T> T borrow(DataSource pool, ConnectionWork<T> work) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      try {
        return work.apply(connection);
      } finally {
        discardIfClosed(pool, connection);
      }
    }
  }

  private static boolean closedByDriver(PoolMethods methods, DataSource pool, Connection connection)
      throws ReflectiveOperationException, SQLException {
    try {
      return methods.driverConnection().invoke(pool, connection) instanceof Connection driver
          && driver.isClosed();
    } catch (InvocationTargetException e) {
      // The pool asks the driver to unwrap its connection, which it refuses once closed.
      if (e.getCause() instanceof SQLException refused
          && CONNECTION_DOES_NOT_EXIST.equals(refused.getSQLState())) {
        return true;
      }
      throw e;
    }
  }

  /**
   * Marks {@code connection}, borrowed from {@code pool} and not yet given back, as bad if the
   * driver has closed it.
   *
   * @return whether it was broken
   */
  public static boolean discardIfClosed(DataSource pool, Connection connection) {
    if (pool == null || connection == null) {
      return false;
    }
    Optional<PoolMethods> methods = POOLS.get(pool.getClass());
    if (methods.isEmpty()) {
      return false;
    }
    try {
      if (!closedByDriver(methods.get(), pool, connection)) {
        return false;
      }
      methods.get().markAsBad().invoke(pool, connection);
      return true;
    } catch (ReflectiveOperationException | SQLException e) {
      LOG.log(Level.WARNING, "Could not check a pooled connection before giving it back", e);
      return false;
    }
  }
}
