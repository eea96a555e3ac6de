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

/**
 * New claims and ledger lines by the thousand, as JDBC batches on the transaction's own connection
 * (the driver sends each batch as multi-row inserts): a catch-up writes a page of records without
 * the unit of work's bookkeeping for every object. The council is the connection's, so row-level
 * security checks every row's {@code tenant_id} (filled in from it), as for any insert; the rows
 * are never in the persistence context, so the page's later reads go to the database.
 */
@ApplicationScoped
class BulkWrites {

  /** Looked up once: {@code Json.create…} scans the class path for the provider every call. */
  private static final jakarta.json.spi.JsonProvider JSON =
      jakarta.json.spi.JsonProvider.provider();

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

  /** A run's totals: how many lines, and what they pay in fees and expenses. */
  record Totals(int lines, long feePence, long expensesPence) {}

  /** What a paid run paid one person. */
  record Paid(UUID memberId, int claims, long totalPence) {}

  /** What a claim still owes its person, in SQL. */
  static final String OWED =
      "charged_fee_pence + charged_expenses_pence - paid_fee_pence - paid_expenses_pence";

  /**
   * The most rows one statement changes: a set-based change of 100,000 claims is a few statements,
   * each well inside the statement timeout (4 s) and the driver's socket timeout (5 s), all in the
   * caller's one transaction.
   */
  static final int CHUNK = 10_000;

  /**
   * Puts every claim a run pays ({@code payable}, from the transition table) with something still
   * to pay, and in no run, into the run, a chunk per statement. The statements lock what they move;
   * a run being made at the same time waits, then finds these claims in a run and leaves them (the
   * conditions are checked again on the locked row).
   *
   * @return how many were put in
   */
  @Transactional(Transactional.TxType.MANDATORY)
  int moveIntoRun(UUID run, String payable) {
    String waiting = "run_id IS NULL AND " + payable + " AND " + OWED + " > 0";
    return untilNoneLeft(
        "UPDATE payments_claim SET run_id = ?, version = version + 1"
            + " WHERE tenant_id = ? AND id = ANY (ARRAY (SELECT id FROM payments_claim"
            + "  WHERE tenant_id = ? AND "
            + waiting
            + " LIMIT "
            + CHUNK
            + ")) AND "
            + waiting,
        run,
        tenants.current().slug(),
        tenants.current().slug());
  }

  /** Everyone with a claim in a run. */
  @Transactional(Transactional.TxType.MANDATORY)
  List<UUID> peopleInRun(UUID run) {
    List<UUID> people = new ArrayList<>();
    query(
        "SELECT DISTINCT member_id FROM payments_claim WHERE tenant_id = ? AND run_id = ?",
        rows -> people.add(rows.getObject(1, UUID.class)),
        tenants.current().slug(),
        run);
    return people;
  }

  /**
   * Writes a run's lines from the claims in it, numbered by activity date (then claim), a chunk per
   * statement: each line what its claim still owes, to the payee's finance reference ({@code RT-}
   * and their id without one) and name ({@code (former member)} without one).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  Totals writeRunLines(UUID run, java.util.Map<UUID, String> names) {
    Connection connection = connection();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "WITH page AS (SELECT * FROM payments_claim c WHERE c.tenant_id = ? AND c.run_id = ?"
                + "  AND (?::date IS NULL OR (c.activity_date, c.id) > (?::date, ?::uuid))"
                + "  ORDER BY c.activity_date, c.id LIMIT "
                + CHUNK
                + "), written AS ("
                + " INSERT INTO payments_run_line (run_id, line_number, claim_id, charge_revision,"
                + "  member_id, payee_reference, payee_name, method, charity, fee_pence,"
                + "  expenses_pence, activity_date, activity_type, activity_title)"
                + " SELECT c.run_id, ? + row_number() OVER (ORDER BY c.activity_date, c.id), c.id,"
                + "  c.charge_revision, c.member_id,"
                + "  coalesce(p.finance_reference, 'RT-' || c.member_id),"
                + "  coalesce(?::jsonb ->> c.member_id::text, '(former member)'), c.method,"
                + "  c.charity,"
                + "  c.charged_fee_pence - c.paid_fee_pence,"
                + "  c.charged_expenses_pence - c.paid_expenses_pence,"
                + "  c.activity_date, c.activity_type, c.activity_title"
                + " FROM page c"
                + " LEFT JOIN payments_payee p ON p.tenant_id = c.tenant_id"
                + "  AND p.member_id = c.member_id"
                + " RETURNING line_number, claim_id, activity_date, fee_pence, expenses_pence)"
                + " SELECT count(*), coalesce(sum(fee_pence), 0), coalesce(sum(expenses_pence), 0),"
                + " (array_agg(activity_date ORDER BY line_number DESC))[1],"
                + " (array_agg(claim_id ORDER BY line_number DESC))[1]"
                + " FROM written")) {
      // Names by person as one JSON object, looked up by key for each line.
      var byPerson = JSON.createObjectBuilder();
      names.forEach((member, name) -> byPerson.add(member.toString(), name));
      String called = byPerson.build().toString();
      int lines = 0;
      long fees = 0;
      long expenses = 0;
      java.sql.Date lastDate = null;
      UUID lastClaim = null;
      while (true) {
        bind(
            statement, tenants.current().slug(), run, lastDate, lastDate, lastClaim, lines, called);
        try (var rows = statement.executeQuery()) {
          rows.next();
          int written = rows.getInt(1);
          if (written == 0) {
            return new Totals(lines, fees, expenses);
          }
          lines += written;
          fees += rows.getLong(2);
          expenses += rows.getLong(3);
          lastDate = rows.getDate(4);
          lastClaim = rows.getObject(5, UUID.class);
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException(e);
    }
  }

  /**
   * Pays a run of {@code lines} lines, a chunk of lines per statement: a ledger payment for each
   * line (keyed {@code payment:<run>:<claim>}, so never twice), then each line's claim marked paid
   * in full if it is still in the run and payable.
   *
   * @return how many claims were marked paid
   */
  @Transactional(Transactional.TxType.MANDATORY)
  int payRun(
      UUID run,
      int lines,
      java.time.LocalDate paidOn,
      String payable,
      java.time.Instant now,
      String by) {
    String council = tenants.current().slug();
    int paid = 0;
    for (int from = 0; from < lines; from += CHUNK) {
      update(
          "INSERT INTO payments_ledger_entry (id, idempotency_key, kind, member_id, claim_id,"
              + " activity_type, activity_title, activity_date, fee_pence, expenses_pence, run_id,"
              + " posted_at, posted_by)"
              + " SELECT gen_random_uuid(), 'payment:' || l.run_id || ':' || l.claim_id,"
              + "  'PAYMENT', l.member_id, l.claim_id, l.activity_type, l.activity_title,"
              + "  l.activity_date, -l.fee_pence, -l.expenses_pence, l.run_id, ?, ?"
              + " FROM payments_run_line l WHERE l.tenant_id = ? AND l.run_id = ?"
              + "  AND l.line_number > ? AND l.line_number <= ?",
          Timestamp.from(now),
          by,
          council,
          run,
          from,
          from + CHUNK);
      paid +=
          update(
              "UPDATE payments_claim SET status = 'PAID', paid_fee_pence = charged_fee_pence,"
                  + " paid_expenses_pence = charged_expenses_pence, paid_on = ?,"
                  + " run_id = NULL, version = version + 1"
                  + " WHERE tenant_id = ? AND id = ANY (ARRAY (SELECT claim_id"
                  + "  FROM payments_run_line WHERE tenant_id = ? AND run_id = ?"
                  + "  AND line_number > ? AND line_number <= ?)) AND run_id = ? AND "
                  + payable,
              Date.valueOf(paidOn),
              council,
              council,
              run,
              from,
              from + CHUNK,
              run);
    }
    return paid;
  }

  /** What a run paid each person, from its lines. */
  @Transactional(Transactional.TxType.MANDATORY)
  List<Paid> paidPerPerson(UUID run) {
    List<Paid> paid = new ArrayList<>();
    query(
        "SELECT member_id, count(*), sum(fee_pence + expenses_pence) FROM payments_run_line"
            + " WHERE tenant_id = ? AND run_id = ? GROUP BY member_id ORDER BY min(line_number)",
        rows -> paid.add(new Paid(rows.getObject(1, UUID.class), rows.getInt(2), rows.getLong(3))),
        tenants.current().slug(),
        run);
    return paid;
  }

  /** Takes every claim out of a voided run, to wait for the next, a chunk per statement. */
  @Transactional(Transactional.TxType.MANDATORY)
  int leaveRun(UUID run) {
    return untilNoneLeft(
        "UPDATE payments_claim SET run_id = NULL, version = version + 1"
            + " WHERE tenant_id = ? AND id = ANY (ARRAY (SELECT id FROM payments_claim"
            + "  WHERE tenant_id = ? AND run_id = ? LIMIT "
            + CHUNK
            + ")) AND run_id = ?",
        tenants.current().slug(),
        tenants.current().slug(),
        run,
        run);
  }

  /**
   * Runs an update that changes at most a chunk of rows, which then no longer match it, until it
   * changes none.
   *
   * @return how many rows it changed in all
   */
  private int untilNoneLeft(String sql, Object... values) {
    int changed = 0;
    int last;
    do {
      last = update(sql, values);
      changed += last;
    } while (last > 0);
    return changed;
  }

  private int update(String sql, Object... values) {
    Connection connection = connection();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, values);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException(e);
    }
  }

  private interface Row {
    void read(java.sql.ResultSet rows) throws SQLException;
  }

  private void query(String sql, Row row, Object... values) {
    Connection connection = connection();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, values);
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          row.read(rows);
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException(e);
    }
  }

  private static void bind(PreparedStatement statement, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
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
