package org.roundtable.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseFaultsTest {

  @Test
  void aDatabaseThatCannotServeJustNowIsToldApartFromAFault() {
    // Down, frozen, restarting, out of connections, past a time limit: try again later (503).
    assertThat(DatabaseFaults.isUnavailable(wrapped(new SQLException("gone", "08006")))).isTrue();
    assertThat(DatabaseFaults.isUnavailable(wrapped(new SQLException("shutdown", "57P01"))))
        .isTrue();
    assertThat(DatabaseFaults.isUnavailable(new SQLException("statement timeout", "57014")))
        .isTrue();
    assertThat(DatabaseFaults.isUnavailable(new SQLException("lock timeout", "55P03"))).isTrue();
    assertThat(DatabaseFaults.isUnavailable(new SQLException("too many", "53300"))).isTrue();
    assertThat(
            DatabaseFaults.isUnavailable(
                wrapped(
                    new SQLException(
                        "Error in allocating a connection. Cause: In-use connections equal"
                            + " max-pool-size and expired max-wait-time."))))
        .isTrue();
    assertThat(
            DatabaseFaults.isUnavailable(
                new PersistenceException(
                    new SQLException(
                        "I/O", "08006", new SocketTimeoutException("Read timed out")))))
        .isTrue();

    // The database stopped while a transaction was committed: the transaction manager says so
    // without the driver's exception.
    assertThat(
            DatabaseFaults.isUnavailable(
                new jakarta.transaction.TransactionalException(
                    "Managed bean with Transactional annotation and TxType of REQUIRED encountered"
                        + " exception during commit",
                    new jakarta.transaction.SystemException("commit failed"))))
        .isTrue();
    assertThat(
            DatabaseFaults.isUnavailable(
                wrapped(
                    new jakarta.resource.spi.LocalTransactionException(
                        "This connection has been closed."))))
        .isTrue();

    // A fault of the request or the code: answered as before.
    assertThat(DatabaseFaults.isUnavailable(new SQLException("duplicate", "23505"))).isFalse();
    assertThat(DatabaseFaults.isUnavailable(new SQLException("syntax", "42601"))).isFalse();
    assertThat(DatabaseFaults.isUnavailable(new IllegalStateException("a bug"))).isFalse();
  }

  private static RuntimeException wrapped(Throwable cause) {
    return new RuntimeException("transaction", new PersistenceException("query", cause));
  }
}
