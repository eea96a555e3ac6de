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

    // A fault of the request or the code: answered as before.
    assertThat(DatabaseFaults.isUnavailable(new SQLException("duplicate", "23505"))).isFalse();
    assertThat(DatabaseFaults.isUnavailable(new SQLException("syntax", "42601"))).isFalse();
    assertThat(DatabaseFaults.isUnavailable(new IllegalStateException("a bug"))).isFalse();
  }

  private static RuntimeException wrapped(Throwable cause) {
    return new RuntimeException("transaction", new PersistenceException("query", cause));
  }
}
