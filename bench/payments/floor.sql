-- The database's floor for issue 22's goal 5: the seven passes over 100,000 claims that the
-- payments path makes (claims and their ledger charges written, approved, moved into a run, run
-- lines, ledger payment lines, marked paid), each as ONE set-based statement with no application
-- in the way, on the platform's own tables (their indexes, foreign keys, row-level security and
-- triggers). Whatever the application does, each pass costs at least this.
--
-- Beside a running run command (or bench/run), as the owner role, from the project's root:
--   PGPASSWORD=dev-only-not-a-secret psql -X -h 127.0.0.1 \
--     -p "$(sed -n 4p .roundtable/postgres/postmaster.pid)" -U roundtable_owner -d roundtable \
--     -f bench/payments/floor.sql
-- It works in Kirklees inside one transaction and rolls everything back: nothing is kept.
-- Because the claims are made in the same transaction, PostgreSQL checks their foreign keys again
-- on each UPDATE (it skips that for rows made by an earlier transaction, as in the application):
-- read each UPDATE's time less its "Trigger for constraint" lines.
\timing on
BEGIN;
SELECT set_config('app.tenant_id', 'kirklees', true);
SET LOCAL statement_timeout = 0;
-- 1,000 people, as the payments benchmark has.
INSERT INTO member (id, full_name, created_at, updated_at, version)
SELECT gen_random_uuid(), 'Floor person ' || g, now(), now(), 0 FROM generate_series(1, 1000) g;
CREATE TEMP TABLE floor_people AS SELECT id, row_number() OVER () AS n FROM member;
\echo '1. 100,000 claims written'
EXPLAIN (ANALYZE, COSTS OFF)
INSERT INTO payments_claim (id, member_id, source, participation_id, activity_type,
    activity_title, activity_reference, activity_date, role, minutes, documents, fee_pence,
    fee_basis, method, status, created_at, submitted_at)
SELECT gen_random_uuid(), p.id, 'PARTICIPATION', gen_random_uuid(), 'board-meeting',
    'Carers partnership board', 'floor-' || g, date '2026-01-01' + (g % 300), 'carer', 120, 0,
    3000, '2 hours at £15.00 an hour', 'BANK', 'SUBMITTED', now(), now()
FROM generate_series(1, 100000) g
JOIN floor_people p ON p.n = 1 + g % (SELECT count(*) FROM floor_people);
-- Statistics as the application finds them once autovacuum has seen the new claims (without them,
-- a foreign key's check on the claims can be planned as a scan of every claim: minutes a pass).
ANALYZE payments_claim;
\echo '2. a ledger charge for each'
EXPLAIN (ANALYZE, COSTS OFF)
INSERT INTO payments_ledger_entry (id, idempotency_key, kind, member_id, claim_id, activity_type,
    activity_title, activity_date, fee_pence, expenses_pence, posted_at, posted_by)
SELECT gen_random_uuid(), 'claim:' || id || ':charge:0', 'CHARGE', member_id, id, activity_type,
    activity_title, activity_date, fee_pence, 0, now(), 'system'
FROM payments_claim WHERE activity_reference LIKE 'floor-%';
\echo '3. every claim approved'
EXPLAIN (ANALYZE, COSTS OFF)
UPDATE payments_claim SET status = 'APPROVED', approved_at = now(), version = version + 1
WHERE status = 'SUBMITTED' AND activity_reference LIKE 'floor-%';
INSERT INTO payments_run (id, number, status, created_at, created_by, line_count, fee_pence,
    expenses_pence)
VALUES ('00000000-0000-0000-0000-00000000f100', 999999, 'OPEN', now(), 'floor', 0, 0, 0);
\echo '4. every claim moved into a run'
EXPLAIN (ANALYZE, COSTS OFF)
UPDATE payments_claim SET run_id = '00000000-0000-0000-0000-00000000f100', version = version + 1
WHERE status = 'APPROVED' AND activity_reference LIKE 'floor-%';
\echo '5. a run line for each'
EXPLAIN (ANALYZE, COSTS OFF)
INSERT INTO payments_run_line (run_id, line_number, claim_id, charge_revision, member_id,
    payee_reference, payee_name, method, fee_pence, expenses_pence, activity_date, activity_type,
    activity_title)
SELECT run_id, row_number() OVER (ORDER BY activity_date, id), id, 0, member_id, 'ref', 'Name',
    method, fee_pence, 0, activity_date, activity_type, activity_title
FROM payments_claim WHERE run_id = '00000000-0000-0000-0000-00000000f100';
\echo '6. a ledger payment line for each'
EXPLAIN (ANALYZE, COSTS OFF)
INSERT INTO payments_ledger_entry (id, idempotency_key, kind, member_id, claim_id, activity_type,
    activity_title, activity_date, fee_pence, expenses_pence, run_id, posted_at, posted_by)
SELECT gen_random_uuid(), 'claim:' || claim_id || ':payment', 'PAYMENT', member_id, claim_id,
    activity_type, activity_title, activity_date, -fee_pence, 0, run_id, now(), 'finance'
FROM payments_run_line WHERE run_id = '00000000-0000-0000-0000-00000000f100';
\echo '7. every claim marked paid'
EXPLAIN (ANALYZE, COSTS OFF)
UPDATE payments_claim SET status = 'PAID', paid_on = current_date, version = version + 1
WHERE run_id = '00000000-0000-0000-0000-00000000f100';
ROLLBACK;
