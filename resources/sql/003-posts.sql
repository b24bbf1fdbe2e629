-- 003-posts.sql — the recruitment plan (posts, their host practices and
-- pipeline dates), payroll figures, the year's employer on-cost rates and
-- the staff flag for the 12-month prior-employment rule.
--
-- Audit triggers as in 002-staff.sql: every user table logs inserts,
-- changed fields and deletes through pcn_os_user(). Static SQL only.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Employed by the PCN or a member practice in the 12 months before starting
-- (the 2025/26 rule for the nursing and support roles).
ALTER TABLE staff ADD COLUMN prior_employment_12m INTEGER NOT NULL DEFAULT 0
  CHECK (prior_employment_12m IN (0, 1));

-- A planned or filled position. The status dates record when the post
-- reached each stage of the pipeline; time to fill is advertised_date to
-- in_post_date. purposes is a ';'-separated list of Network Contract DES
-- service requirement codes (or 'core_practice_capacity').
CREATE TABLE post (
  id                   INTEGER PRIMARY KEY,
  title                TEXT,
  role_code            TEXT NOT NULL REFERENCES role (code),
  wte_milli            INTEGER NOT NULL CHECK (wte_milli > 0 AND wte_milli <= 1000),
  band                 TEXT,
  annual_cost_pence    INTEGER CHECK (annual_cost_pence IS NULL OR annual_cost_pence >= 0),
  funding              TEXT NOT NULL DEFAULT 'arrs' CHECK (funding IN ('arrs', 'other')),
  employer_model       TEXT NOT NULL DEFAULT 'pcn_lead_practice'
                       CHECK (employer_model IN ('pcn_lead_practice', 'federation',
                                                 'nhs_trust_subcontract',
                                                 'voluntary_subcontract', 'rotational')),
  purposes             TEXT NOT NULL DEFAULT '',
  start_date           TEXT,
  status               TEXT NOT NULL DEFAULT 'proposed'
                       CHECK (status IN ('proposed', 'approved', 'advertised', 'interviewing',
                                         'offered', 'in_post', 'withdrawn')),
  proposed_date        TEXT,
  approved_date        TEXT,
  advertised_date      TEXT,
  interviewing_date    TEXT,
  offered_date         TEXT,
  in_post_date         TEXT,
  withdrawn_date       TEXT,
  staff_id             INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  vacant_since         TEXT,
  prior_employment_12m INTEGER NOT NULL DEFAULT 0 CHECK (prior_employment_12m IN (0, 1)),
  notes                TEXT
);
CREATE INDEX post_by_role ON post (role_code);
-- One post per person.
CREATE UNIQUE INDEX post_by_staff ON post (staff_id) WHERE staff_id IS NOT NULL;

-- Host practices of a post and the sessions a week at each (NULL: not stated).
CREATE TABLE post_practice (
  id          INTEGER PRIMARY KEY,
  post_id     INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
  practice_id INTEGER NOT NULL REFERENCES practice (id),
  sessions    INTEGER CHECK (sessions IS NULL OR sessions >= 0),
  position    INTEGER NOT NULL DEFAULT 0,
  UNIQUE (post_id, practice_id)
);
CREATE INDEX post_practice_by_practice ON post_practice (practice_id);

-- Actual monthly employment cost from payroll (pay plus employer NI and
-- pension), replacing the estimate for that person and month.
CREATE TABLE payroll_cost (
  id           INTEGER PRIMARY KEY,
  staff_id     INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  month        TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
  UNIQUE (staff_id, month)
);
CREATE INDEX payroll_cost_by_month ON payroll_cost (month);

-- Employer on-costs for a financial year, in hundredths of a percent of
-- salary (1380 = 13.80%). A year with no row uses the defaults in core.
CREATE TABLE oncost (
  year                INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  employer_ni_bp      INTEGER NOT NULL CHECK (employer_ni_bp BETWEEN 0 AND 10000),
  employer_pension_bp INTEGER NOT NULL CHECK (employer_pension_bp BETWEEN 0 AND 10000)
);

-- The staff triggers are made again to log the new column.
DROP TRIGGER staff_audit_insert;
DROP TRIGGER staff_audit_update;
DROP TRIGGER staff_audit_delete;

-- staff
CREATE TRIGGER staff_audit_insert AFTER INSERT ON staff
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', new.id, NULL, NULL,
            json_object ('name', new.name, 'payroll_id', new.payroll_id, 'role_code', new.role_code, 'start_date', new.start_date, 'end_date', new.end_date, 'leaving_reason', new.leaving_reason, 'wte_milli', new.wte_milli, 'band', new.band, 'annual_salary_pence', new.annual_salary_pence, 'employer', new.employer, 'claimable', new.claimable, 'prior_employment_12m', new.prior_employment_12m));
END;

CREATE TRIGGER staff_audit_update AFTER UPDATE ON staff
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', new.id, 'name', old.name, new.name
    WHERE old.name IS NOT new.name;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', new.id, 'payroll_id', old.payroll_id, new.payroll_id
    WHERE old.payroll_id IS NOT new.payroll_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', new.id, 'role_code', old.role_code, new.role_code
    WHERE old.role_code IS NOT new.role_code;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', new.id, 'start_date', old.start_date, new.start_date
    WHERE old.start_date IS NOT new.start_date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', new.id, 'end_date', old.end_date, new.end_date
    WHERE old.end_date IS NOT new.end_date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', new.id, 'leaving_reason', old.leaving_reason, new.leaving_reason
    WHERE old.leaving_reason IS NOT new.leaving_reason;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', new.id, 'wte_milli', old.wte_milli, new.wte_milli
    WHERE old.wte_milli IS NOT new.wte_milli;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', new.id, 'band', old.band, new.band
    WHERE old.band IS NOT new.band;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', new.id, 'annual_salary_pence', old.annual_salary_pence, new.annual_salary_pence
    WHERE old.annual_salary_pence IS NOT new.annual_salary_pence;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', new.id, 'employer', old.employer, new.employer
    WHERE old.employer IS NOT new.employer;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', new.id, 'claimable', old.claimable, new.claimable
    WHERE old.claimable IS NOT new.claimable;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', new.id, 'prior_employment_12m', old.prior_employment_12m, new.prior_employment_12m
    WHERE old.prior_employment_12m IS NOT new.prior_employment_12m;
END;

CREATE TRIGGER staff_audit_delete AFTER DELETE ON staff
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', old.id, NULL,
            json_object ('name', old.name, 'payroll_id', old.payroll_id, 'role_code', old.role_code, 'start_date', old.start_date, 'end_date', old.end_date, 'leaving_reason', old.leaving_reason, 'wte_milli', old.wte_milli, 'band', old.band, 'annual_salary_pence', old.annual_salary_pence, 'employer', old.employer, 'claimable', old.claimable, 'prior_employment_12m', old.prior_employment_12m), NULL);
END;

-- post
CREATE TRIGGER post_audit_insert AFTER INSERT ON post
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, NULL, NULL,
            json_object ('title', new.title, 'role_code', new.role_code, 'wte_milli', new.wte_milli, 'band', new.band, 'annual_cost_pence', new.annual_cost_pence, 'funding', new.funding, 'employer_model', new.employer_model, 'purposes', new.purposes, 'start_date', new.start_date, 'status', new.status, 'proposed_date', new.proposed_date, 'approved_date', new.approved_date, 'advertised_date', new.advertised_date, 'interviewing_date', new.interviewing_date, 'offered_date', new.offered_date, 'in_post_date', new.in_post_date, 'withdrawn_date', new.withdrawn_date, 'staff_id', new.staff_id, 'vacant_since', new.vacant_since, 'prior_employment_12m', new.prior_employment_12m, 'notes', new.notes));
END;

CREATE TRIGGER post_audit_update AFTER UPDATE ON post
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'title', old.title, new.title
    WHERE old.title IS NOT new.title;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'role_code', old.role_code, new.role_code
    WHERE old.role_code IS NOT new.role_code;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'wte_milli', old.wte_milli, new.wte_milli
    WHERE old.wte_milli IS NOT new.wte_milli;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'band', old.band, new.band
    WHERE old.band IS NOT new.band;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'annual_cost_pence', old.annual_cost_pence, new.annual_cost_pence
    WHERE old.annual_cost_pence IS NOT new.annual_cost_pence;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'funding', old.funding, new.funding
    WHERE old.funding IS NOT new.funding;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'employer_model', old.employer_model, new.employer_model
    WHERE old.employer_model IS NOT new.employer_model;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'purposes', old.purposes, new.purposes
    WHERE old.purposes IS NOT new.purposes;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'start_date', old.start_date, new.start_date
    WHERE old.start_date IS NOT new.start_date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'status', old.status, new.status
    WHERE old.status IS NOT new.status;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'proposed_date', old.proposed_date, new.proposed_date
    WHERE old.proposed_date IS NOT new.proposed_date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'approved_date', old.approved_date, new.approved_date
    WHERE old.approved_date IS NOT new.approved_date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'advertised_date', old.advertised_date, new.advertised_date
    WHERE old.advertised_date IS NOT new.advertised_date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'interviewing_date', old.interviewing_date, new.interviewing_date
    WHERE old.interviewing_date IS NOT new.interviewing_date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'offered_date', old.offered_date, new.offered_date
    WHERE old.offered_date IS NOT new.offered_date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'in_post_date', old.in_post_date, new.in_post_date
    WHERE old.in_post_date IS NOT new.in_post_date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'withdrawn_date', old.withdrawn_date, new.withdrawn_date
    WHERE old.withdrawn_date IS NOT new.withdrawn_date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'staff_id', old.staff_id, new.staff_id
    WHERE old.staff_id IS NOT new.staff_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'vacant_since', old.vacant_since, new.vacant_since
    WHERE old.vacant_since IS NOT new.vacant_since;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'prior_employment_12m', old.prior_employment_12m, new.prior_employment_12m
    WHERE old.prior_employment_12m IS NOT new.prior_employment_12m;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', new.id, 'notes', old.notes, new.notes
    WHERE old.notes IS NOT new.notes;
END;

CREATE TRIGGER post_audit_delete AFTER DELETE ON post
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post', old.id, NULL,
            json_object ('title', old.title, 'role_code', old.role_code, 'wte_milli', old.wte_milli, 'band', old.band, 'annual_cost_pence', old.annual_cost_pence, 'funding', old.funding, 'employer_model', old.employer_model, 'purposes', old.purposes, 'start_date', old.start_date, 'status', old.status, 'proposed_date', old.proposed_date, 'approved_date', old.approved_date, 'advertised_date', old.advertised_date, 'interviewing_date', old.interviewing_date, 'offered_date', old.offered_date, 'in_post_date', old.in_post_date, 'withdrawn_date', old.withdrawn_date, 'staff_id', old.staff_id, 'vacant_since', old.vacant_since, 'prior_employment_12m', old.prior_employment_12m, 'notes', old.notes), NULL);
END;

-- post_practice
CREATE TRIGGER post_practice_audit_insert AFTER INSERT ON post_practice
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post_practice', new.id, NULL, NULL,
            json_object ('post_id', new.post_id, 'practice_id', new.practice_id, 'sessions', new.sessions, 'position', new.position));
END;

CREATE TRIGGER post_practice_audit_update AFTER UPDATE ON post_practice
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post_practice', new.id, 'post_id', old.post_id, new.post_id
    WHERE old.post_id IS NOT new.post_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post_practice', new.id, 'practice_id', old.practice_id, new.practice_id
    WHERE old.practice_id IS NOT new.practice_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post_practice', new.id, 'sessions', old.sessions, new.sessions
    WHERE old.sessions IS NOT new.sessions;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post_practice', new.id, 'position', old.position, new.position
    WHERE old.position IS NOT new.position;
END;

CREATE TRIGGER post_practice_audit_delete AFTER DELETE ON post_practice
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'post_practice', old.id, NULL,
            json_object ('post_id', old.post_id, 'practice_id', old.practice_id, 'sessions', old.sessions, 'position', old.position), NULL);
END;

-- payroll_cost
CREATE TRIGGER payroll_cost_audit_insert AFTER INSERT ON payroll_cost
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'payroll_cost', new.id, NULL, NULL,
            json_object ('staff_id', new.staff_id, 'month', new.month, 'amount_pence', new.amount_pence));
END;

CREATE TRIGGER payroll_cost_audit_update AFTER UPDATE ON payroll_cost
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'payroll_cost', new.id, 'staff_id', old.staff_id, new.staff_id
    WHERE old.staff_id IS NOT new.staff_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'payroll_cost', new.id, 'month', old.month, new.month
    WHERE old.month IS NOT new.month;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'payroll_cost', new.id, 'amount_pence', old.amount_pence, new.amount_pence
    WHERE old.amount_pence IS NOT new.amount_pence;
END;

CREATE TRIGGER payroll_cost_audit_delete AFTER DELETE ON payroll_cost
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'payroll_cost', old.id, NULL,
            json_object ('staff_id', old.staff_id, 'month', old.month, 'amount_pence', old.amount_pence), NULL);
END;

-- oncost
CREATE TRIGGER oncost_audit_insert AFTER INSERT ON oncost
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'oncost', new.year, NULL, NULL,
            json_object ('employer_ni_bp', new.employer_ni_bp, 'employer_pension_bp', new.employer_pension_bp));
END;

CREATE TRIGGER oncost_audit_update AFTER UPDATE ON oncost
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'oncost', new.year, 'employer_ni_bp', old.employer_ni_bp, new.employer_ni_bp
    WHERE old.employer_ni_bp IS NOT new.employer_ni_bp;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'oncost', new.year, 'employer_pension_bp', old.employer_pension_bp, new.employer_pension_bp
    WHERE old.employer_pension_bp IS NOT new.employer_pension_bp;
END;

CREATE TRIGGER oncost_audit_delete AFTER DELETE ON oncost
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'oncost', old.year, NULL,
            json_object ('employer_ni_bp', old.employer_ni_bp, 'employer_pension_bp', old.employer_pension_bp), NULL);
END;

PRAGMA user_version = 3;
