package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.LedgerEntry;

/**
 * New claims and ledger lines by the thousand, as JDBC batches on the transaction's own connection
 * (the driver sends each batch as multi-row inserts): a catch-up writes a page of records without
 * the unit of work's bookkeeping for every object. The council is the connection's, so row-level
 * security checks every row's {@code tenant_id} (filled in from it), as for any insert; the rows
 * are never in the persistence context, so the page's later reads go to the database.
 */
@ApplicationScoped
class BulkWrites {

  @Inject EntityManager entityManager;

  /** Inserts claims made in memory (never persisted). */
  @Transactional(Transactional.TxType.MANDATORY)
  void insertClaims(List<Claim> claims) {
    if (claims.isEmpty()) {
      return;
    }
    batch(
        "INSERT INTO payments_claim (id, member_id, source, participation_id, activity_type,"
            + " activity_title, activity_reference, activity_date, role, minutes, documents,"
            + " fee_pence, fee_basis, method, lower_amount_pence, charity, status, created_at,"
            + " submitted_at, charge_revision, charged_fee_pence, charged_expenses_pence)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        claims,
        (statement, claim) -> {
          statement.setObject(1, claim.id());
          statement.setObject(2, claim.memberId());
          statement.setString(3, claim.source().name());
          statement.setObject(4, claim.participationId(), Types.OTHER);
          statement.setString(5, claim.activityType());
          statement.setString(6, claim.activityTitle());
          statement.setString(7, claim.activity().reference());
          statement.setDate(8, Date.valueOf(claim.activityDate()));
          statement.setString(9, claim.role());
          statement.setInt(10, claim.minutes());
          statement.setInt(11, claim.documents());
          statement.setLong(12, claim.feePence());
          statement.setString(13, claim.feeBasis());
          statement.setString(14, claim.method().name());
          statement.setObject(15, claim.lowerAmountPence(), Types.BIGINT);
          statement.setString(16, claim.charity());
          statement.setString(17, claim.status().name());
          statement.setTimestamp(18, Timestamp.from(claim.createdAt()));
          statement.setTimestamp(
              19, claim.submittedAt() == null ? null : Timestamp.from(claim.submittedAt()));
          statement.setInt(20, claim.chargeRevision());
          statement.setLong(21, claim.chargedFeePence());
          statement.setLong(22, claim.chargedExpensesPence());
        });
  }

  /** Inserts ledger lines made in memory, after the claims they refer to. */
  @Transactional(Transactional.TxType.MANDATORY)
  void insertLedgerEntries(List<LedgerEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    batch(
        "INSERT INTO payments_ledger_entry (id, idempotency_key, kind, member_id, claim_id,"
            + " activity_type, activity_title, activity_date, fee_pence, expenses_pence,"
            + " reverses, run_id, posted_at, posted_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entries,
        (statement, entry) -> {
          statement.setObject(1, entry.id());
          statement.setString(2, entry.idempotencyKey());
          statement.setString(3, entry.kind().name());
          statement.setObject(4, entry.memberId());
          statement.setObject(5, entry.claimId());
          statement.setString(6, entry.activityType());
          statement.setString(7, entry.activityTitle());
          statement.setDate(8, Date.valueOf(entry.activityDate()));
          statement.setLong(9, entry.feePence());
          statement.setLong(10, entry.expensesPence());
          statement.setObject(11, entry.reverses(), Types.OTHER);
          statement.setObject(12, entry.runId(), Types.OTHER);
          statement.setTimestamp(13, Timestamp.from(entry.postedAt()));
          statement.setString(14, entry.postedBy());
        });
  }

  /**
   * Moves submitted claims to approved in one statement (their rows locked by the caller).
   *
   * @throws IllegalStateException if one was not submitted any more
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void approve(List<java.util.UUID> claims, java.util.UUID approver, java.time.Instant now) {
    entityManager.flush();
    Connection connection = entityManager.unwrap(Connection.class);
    try (PreparedStatement statement =
        connection.prepareStatement(
            "UPDATE payments_claim SET status = 'APPROVED', approved_by = ?, approved_at = ?,"
                + " version = version + 1 WHERE id = ANY (?) AND status = 'SUBMITTED'")) {
      statement.setObject(1, approver);
      statement.setTimestamp(2, Timestamp.from(now));
      statement.setArray(3, connection.createArrayOf("uuid", claims.toArray()));
      int moved = statement.executeUpdate();
      if (moved != claims.size()) {
        throw new IllegalStateException(
            "Approved " + moved + " of " + claims.size() + " locked, submitted claims");
      }
    } catch (SQLException e) {
      throw new PersistenceException(e);
    }
  }

  private interface Binder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
  }

  private <T> void batch(String sql, List<T> rows, Binder<T> binder) {
    // What the unit of work holds goes first: the rows may refer to it.
    entityManager.flush();
    Connection connection = entityManager.unwrap(Connection.class);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (T row : rows) {
        binder.bind(statement, row);
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceException(e);
    }
  }
}
