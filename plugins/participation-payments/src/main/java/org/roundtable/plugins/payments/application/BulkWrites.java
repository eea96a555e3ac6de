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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.LedgerEntry;
import org.roundtable.plugins.payments.domain.RunLine;

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
  @Inject org.roundtable.api.tenancy.TenantContext tenants;

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
   * Moves submitted claims to approved in one statement (their rows locked, and their status
   * checked, by the caller).
   *
   * @throws IllegalStateException if one was not submitted any more
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void approve(List<UUID> claims, UUID approver, java.time.Instant now) {
    Connection connection = connection();
    try (PreparedStatement statement =
        connection.prepareStatement(
            // By key alone: with "AND status = ..." the planner walked every claim of that
            // status (the status index) to find five hundred.
            "UPDATE payments_claim SET status = 'APPROVED', approved_by = ?, approved_at = ?,"
                + " version = version + 1 WHERE id = ANY (?)")) {
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

  /** Inserts a finance run's lines made in memory, after the run. */
  @Transactional(Transactional.TxType.MANDATORY)
  void insertRunLines(List<RunLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    batch(
        "INSERT INTO payments_run_line (run_id, line_number, claim_id, charge_revision, member_id,"
            + " payee_reference, payee_name, method, charity, fee_pence, expenses_pence,"
            + " activity_date, activity_type, activity_title)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        lines,
        (statement, line) -> {
          statement.setObject(1, line.runId());
          statement.setInt(2, line.lineNumber());
          statement.setObject(3, line.claimId());
          statement.setInt(4, line.chargeRevision());
          statement.setObject(5, line.memberId());
          statement.setString(6, line.payeeReference());
          statement.setString(7, line.payeeName());
          statement.setString(8, line.method());
          statement.setString(9, line.charity());
          statement.setLong(10, line.feePence());
          statement.setLong(11, line.expensesPence());
          statement.setDate(12, Date.valueOf(line.activityDate()));
          statement.setString(13, line.activityType());
          statement.setString(14, line.activityTitle());
        });
  }

  /** Which of these participation records already have a claim. */
  @Transactional(Transactional.TxType.MANDATORY)
  List<UUID> claimedRecords(List<UUID> records) {
    Connection connection = connection();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT participation_id FROM payments_claim WHERE participation_id = ANY (?)")) {
      statement.setArray(1, connection.createArrayOf("uuid", records.toArray()));
      List<UUID> claimed = new ArrayList<>();
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          claimed.add(rows.getObject(1, UUID.class));
        }
      }
      return claimed;
    } catch (SQLException e) {
      throw new PersistenceException(e);
    }
  }

  /** The most claims one statement moves: each well inside the statement timeout. */
  static final int CHUNK = 5_000;

  /**
   * Puts claims into a run, a chunk of them per statement, each only if it is not in one.
   *
   * @return how many were put in
   */
  @Transactional(Transactional.TxType.MANDATORY)
  int moveIntoRun(List<UUID> claims, UUID run) {
    return inChunks(
        "UPDATE payments_claim SET run_id = ?, version = version + 1"
            + " WHERE run_id IS NULL AND id = ANY (?)",
        claims,
        run);
  }

  /**
   * Marks a run's claims paid in full, a chunk per statement, each only if it is still in the run
   * and in a status the transition table lets become paid.
   *
   * @return how many were marked paid
   */
  @Transactional(Transactional.TxType.MANDATORY)
  int markPaid(List<UUID> claims, UUID run, java.time.LocalDate paidOn, String payable) {
    return inChunks(
        "UPDATE payments_claim SET status = 'PAID', paid_fee_pence = charged_fee_pence,"
            + " paid_expenses_pence = charged_expenses_pence, paid_on = ?,"
            + " run_id = NULL, version = version + 1"
            + " WHERE run_id = ? AND "
            + payable
            + " AND id = ANY (?)",
        claims,
        paidOn,
        run);
  }

  /**
   * Runs an update a chunk of claims at a time: {@code values} bind its first parameters, the
   * chunk's ids its last.
   *
   * @return how many rows it changed in all
   */
  private int inChunks(String sql, List<UUID> claims, Object... values) {
    int changed = 0;
    Connection connection = connection();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int from = 0; from < claims.size(); from += CHUNK) {
        List<UUID> chunk = claims.subList(from, Math.min(claims.size(), from + CHUNK));
        for (int i = 0; i < values.length; i++) {
          statement.setObject(i + 1, values[i]);
        }
        statement.setArray(values.length + 1, connection.createArrayOf("uuid", chunk.toArray()));
        changed += statement.executeUpdate();
      }
      return changed;
    } catch (SQLException e) {
      throw new PersistenceException(e);
    }
  }

  /**
   * The transaction's connection, bound to the council: what the unit of work holds is written
   * first, and the connection's council is checked to be the one bound (row-level security would
   * otherwise hide every row from a statement on a connection without it, silently).
   */
  private Connection connection() {
    entityManager.flush();
    Object council =
        entityManager
            .createNativeQuery("SELECT current_setting('app.tenant_id', true)")
            .getSingleResult();
    String bound = tenants.current().slug();
    if (!bound.equals(council)) {
      throw new IllegalStateException(
          "The transaction's connection is bound to " + council + ", not " + bound);
    }
    return entityManager.unwrap(Connection.class);
  }

  private interface Binder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
  }

  private <T> void batch(String sql, List<T> rows, Binder<T> binder) {
    Connection connection = connection();
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
