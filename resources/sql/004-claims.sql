-- 004-claims.sql — claim months (open or submitted, and so locked) and a
-- snapshot of every line of a submitted claim, so that back-pay can set
-- what was claimed against what is claimable now.
--
-- Audit triggers as in 002-staff.sql. Reopening a month writes its reason
-- to claim_month.reopen_reason, which the update trigger logs as field
-- 'reopen_reason' every time a month is reopened. Static SQL only.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

-- A calendar month's claim; a month with no row is open and was never
-- submitted. total_claim_pence is the total as submitted.
CREATE TABLE claim_month (
  id                INTEGER PRIMARY KEY,
  year              INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  month             INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted')),
  submitted_on      TEXT,
  total_claim_pence INTEGER,
  reopen_reason     TEXT,
  UNIQUE (year, month),
  CHECK ((status = 'submitted') = (submitted_on IS NOT NULL))
);

-- The lines of a claim as last submitted. Written whole on submission and
-- never updated; replaced when the month is submitted again.
CREATE TABLE claim_line (
  id                  INTEGER PRIMARY KEY,
  claim_month_id      INTEGER NOT NULL REFERENCES claim_month (id) ON DELETE CASCADE,
  position            INTEGER NOT NULL,
  staff_id            INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  name                TEXT NOT NULL,
  payroll_id          TEXT,
  role_code           TEXT NOT NULL,
  role_name           TEXT,
  wte_milli           INTEGER NOT NULL,
  days_in_post        INTEGER NOT NULL,
  days_in_month       INTEGER NOT NULL,
  actual_pence        INTEGER NOT NULL,
  actual_is_estimate  INTEGER NOT NULL CHECK (actual_is_estimate IN (0, 1)),
  annual_max_pence    INTEGER,   -- the rate used; NULL: none known
  rate_effective_from TEXT,
  max_pence           INTEGER,   -- NULL: no rate known
  share_percent       INTEGER NOT NULL,
  claim_pence         INTEGER NOT NULL,
  UNIQUE (claim_month_id, position)
);
CREATE INDEX claim_line_by_staff ON claim_line (staff_id);

CREATE TRIGGER claim_line_no_update BEFORE UPDATE ON claim_line
BEGIN
  SELECT RAISE (ABORT, 'a submitted claim line is never changed');
END;

-- The payroll figures of a submitted month are locked (the store refuses
-- first, with a clearer message).
CREATE TRIGGER payroll_cost_locked_insert BEFORE INSERT ON payroll_cost
WHEN EXISTS (SELECT 1 FROM claim_month
             WHERE status = 'submitted' AND printf ('%04d-%02d', year, month) = new.month)
BEGIN
  SELECT RAISE (ABORT, 'the claim for this month was submitted; reopen it first');
END;

CREATE TRIGGER payroll_cost_locked_update BEFORE UPDATE ON payroll_cost
WHEN EXISTS (SELECT 1 FROM claim_month
             WHERE status = 'submitted'
               AND printf ('%04d-%02d', year, month) IN (old.month, new.month))
BEGIN
  SELECT RAISE (ABORT, 'the claim for this month was submitted; reopen it first');
END;

-- claim_month
CREATE TRIGGER claim_month_audit_insert AFTER INSERT ON claim_month
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'claim_month', new.id, NULL, NULL,
            json_object ('year', new.year, 'month', new.month, 'status', new.status, 'submitted_on', new.submitted_on, 'total_claim_pence', new.total_claim_pence, 'reopen_reason', new.reopen_reason));
END;

CREATE TRIGGER claim_month_audit_update AFTER UPDATE ON claim_month
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'claim_month', new.id, 'status', old.status, new.status
    WHERE old.status IS NOT new.status;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'claim_month', new.id, 'submitted_on', old.submitted_on, new.submitted_on
    WHERE old.submitted_on IS NOT new.submitted_on;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'claim_month', new.id, 'total_claim_pence', old.total_claim_pence, new.total_claim_pence
    WHERE old.total_claim_pence IS NOT new.total_claim_pence;
  -- Every reopening is logged, even with the same reason as the last one.
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'claim_month', new.id, 'reopen_reason', old.reopen_reason, new.reopen_reason
    WHERE old.reopen_reason IS NOT new.reopen_reason
       OR (new.reopen_reason IS NOT NULL AND old.status = 'submitted' AND new.status = 'open');
END;

CREATE TRIGGER claim_month_audit_delete AFTER DELETE ON claim_month
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'claim_month', old.id, NULL,
            json_object ('year', old.year, 'month', old.month, 'status', old.status, 'submitted_on', old.submitted_on, 'total_claim_pence', old.total_claim_pence, 'reopen_reason', old.reopen_reason), NULL);
END;

-- claim_line (inserted and deleted whole; never updated)
CREATE TRIGGER claim_line_audit_insert AFTER INSERT ON claim_line
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'claim_line', new.id, NULL, NULL,
            json_object ('claim_month_id', new.claim_month_id, 'position', new.position, 'staff_id', new.staff_id, 'name', new.name, 'payroll_id', new.payroll_id, 'role_code', new.role_code, 'wte_milli', new.wte_milli, 'days_in_post', new.days_in_post, 'days_in_month', new.days_in_month, 'actual_pence', new.actual_pence, 'actual_is_estimate', new.actual_is_estimate, 'annual_max_pence', new.annual_max_pence, 'rate_effective_from', new.rate_effective_from, 'max_pence', new.max_pence, 'share_percent', new.share_percent, 'claim_pence', new.claim_pence));
END;

CREATE TRIGGER claim_line_audit_delete AFTER DELETE ON claim_line
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'claim_line', old.id, NULL,
            json_object ('claim_month_id', old.claim_month_id, 'position', old.position, 'staff_id', old.staff_id, 'name', old.name, 'payroll_id', old.payroll_id, 'role_code', old.role_code, 'wte_milli', old.wte_milli, 'days_in_post', old.days_in_post, 'days_in_month', old.days_in_month, 'actual_pence', old.actual_pence, 'actual_is_estimate', old.actual_is_estimate, 'annual_max_pence', old.annual_max_pence, 'rate_effective_from', old.rate_effective_from, 'max_pence', old.max_pence, 'share_percent', old.share_percent, 'claim_pence', old.claim_pence), NULL);
END;

PRAGMA user_version = 4;
