-- 002-staff.sql — the team (staff and their host practices) and the
-- append-only audit log of every change to user data.
--
-- The audit rows are written by triggers that call pcn_os_user(), an SQL
-- function pcn-store.c registers on every connection. Generated trigger
-- bodies are plain static SQL; nothing here is built at run time.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE staff (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL CHECK (name <> ''),
  payroll_id          TEXT UNIQUE,  -- unique when given; NULLs never clash
  role_code           TEXT NOT NULL REFERENCES role (code),
  start_date          TEXT NOT NULL,
  end_date            TEXT CHECK (end_date IS NULL OR end_date >= start_date),
  leaving_reason      TEXT CHECK (leaving_reason IS NULL OR end_date IS NOT NULL),
  wte_milli           INTEGER NOT NULL CHECK (wte_milli > 0 AND wte_milli <= 1000),
  band                TEXT,
  annual_salary_pence INTEGER CHECK (annual_salary_pence IS NULL OR annual_salary_pence >= 0),
  employer            TEXT,
  claimable           INTEGER NOT NULL DEFAULT 1 CHECK (claimable IN (0, 1))
);
CREATE INDEX staff_by_name ON staff (name COLLATE NOCASE);
CREATE INDEX staff_by_role ON staff (role_code);

-- Host practices of a person and the sessions a week at each (NULL: not stated).
CREATE TABLE staff_practice (
  id          INTEGER PRIMARY KEY,
  staff_id    INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  practice_id INTEGER NOT NULL REFERENCES practice (id),
  sessions    INTEGER CHECK (sessions IS NULL OR sessions >= 0),
  position    INTEGER NOT NULL DEFAULT 0,
  UNIQUE (staff_id, practice_id)
);
CREATE INDEX staff_practice_by_practice ON staff_practice (practice_id);

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,   -- ISO 8601 UTC
  os_user    TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id     INTEGER,
  field      TEXT,            -- NULL for a whole-row insert or delete
  old_value  TEXT,
  new_value  TEXT
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

-- pcn
CREATE TRIGGER pcn_audit_insert AFTER INSERT ON pcn
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'pcn', new.id, NULL, NULL,
            json_object ('name', new.name, 'ods_code', new.ods_code, 'list_size', new.list_size, 'weighted_list_size', new.weighted_list_size, 'area', new.area));
END;

CREATE TRIGGER pcn_audit_update AFTER UPDATE ON pcn
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'pcn', new.id, 'name', old.name, new.name
    WHERE old.name IS NOT new.name;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'pcn', new.id, 'ods_code', old.ods_code, new.ods_code
    WHERE old.ods_code IS NOT new.ods_code;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'pcn', new.id, 'list_size', old.list_size, new.list_size
    WHERE old.list_size IS NOT new.list_size;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'pcn', new.id, 'weighted_list_size', old.weighted_list_size, new.weighted_list_size
    WHERE old.weighted_list_size IS NOT new.weighted_list_size;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'pcn', new.id, 'area', old.area, new.area
    WHERE old.area IS NOT new.area;
END;

CREATE TRIGGER pcn_audit_delete AFTER DELETE ON pcn
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'pcn', old.id, NULL,
            json_object ('name', old.name, 'ods_code', old.ods_code, 'list_size', old.list_size, 'weighted_list_size', old.weighted_list_size, 'area', old.area), NULL);
END;

-- practice
CREATE TRIGGER practice_audit_insert AFTER INSERT ON practice
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'practice', new.id, NULL, NULL,
            json_object ('name', new.name, 'ods_code', new.ods_code, 'list_size', new.list_size));
END;

CREATE TRIGGER practice_audit_update AFTER UPDATE ON practice
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'practice', new.id, 'name', old.name, new.name
    WHERE old.name IS NOT new.name;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'practice', new.id, 'ods_code', old.ods_code, new.ods_code
    WHERE old.ods_code IS NOT new.ods_code;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'practice', new.id, 'list_size', old.list_size, new.list_size
    WHERE old.list_size IS NOT new.list_size;
END;

CREATE TRIGGER practice_audit_delete AFTER DELETE ON practice
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'practice', old.id, NULL,
            json_object ('name', old.name, 'ods_code', old.ods_code, 'list_size', old.list_size), NULL);
END;

-- financial_year
CREATE TRIGGER financial_year_audit_insert AFTER INSERT ON financial_year
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'financial_year', new.year, NULL, NULL,
            json_object ('allocation_pence', new.allocation_pence));
END;

CREATE TRIGGER financial_year_audit_update AFTER UPDATE ON financial_year
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'financial_year', new.year, 'allocation_pence', old.allocation_pence, new.allocation_pence
    WHERE old.allocation_pence IS NOT new.allocation_pence;
END;

CREATE TRIGGER financial_year_audit_delete AFTER DELETE ON financial_year
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'financial_year', old.year, NULL,
            json_object ('allocation_pence', old.allocation_pence), NULL);
END;

-- role_rate
CREATE TRIGGER role_rate_audit_insert AFTER INSERT ON role_rate WHEN new.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_rate', new.id, NULL, NULL,
            json_object ('role_code', new.role_code, 'area', new.area, 'effective_from', new.effective_from, 'effective_to', new.effective_to, 'annual_pence', new.annual_pence, 'source', new.source, 'notes', new.notes, 'confidence', new.confidence, 'origin', new.origin));
END;

CREATE TRIGGER role_rate_audit_update AFTER UPDATE ON role_rate WHEN old.origin = 'user' OR new.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_rate', new.id, 'role_code', old.role_code, new.role_code
    WHERE old.role_code IS NOT new.role_code;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_rate', new.id, 'area', old.area, new.area
    WHERE old.area IS NOT new.area;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_rate', new.id, 'effective_from', old.effective_from, new.effective_from
    WHERE old.effective_from IS NOT new.effective_from;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_rate', new.id, 'effective_to', old.effective_to, new.effective_to
    WHERE old.effective_to IS NOT new.effective_to;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_rate', new.id, 'annual_pence', old.annual_pence, new.annual_pence
    WHERE old.annual_pence IS NOT new.annual_pence;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_rate', new.id, 'source', old.source, new.source
    WHERE old.source IS NOT new.source;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_rate', new.id, 'notes', old.notes, new.notes
    WHERE old.notes IS NOT new.notes;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_rate', new.id, 'confidence', old.confidence, new.confidence
    WHERE old.confidence IS NOT new.confidence;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_rate', new.id, 'origin', old.origin, new.origin
    WHERE old.origin IS NOT new.origin;
END;

CREATE TRIGGER role_rate_audit_delete AFTER DELETE ON role_rate WHEN old.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_rate', old.id, NULL,
            json_object ('role_code', old.role_code, 'area', old.area, 'effective_from', old.effective_from, 'effective_to', old.effective_to, 'annual_pence', old.annual_pence, 'source', old.source, 'notes', old.notes, 'confidence', old.confidence, 'origin', old.origin), NULL);
END;

-- staff
CREATE TRIGGER staff_audit_insert AFTER INSERT ON staff
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', new.id, NULL, NULL,
            json_object ('name', new.name, 'payroll_id', new.payroll_id, 'role_code', new.role_code, 'start_date', new.start_date, 'end_date', new.end_date, 'leaving_reason', new.leaving_reason, 'wte_milli', new.wte_milli, 'band', new.band, 'annual_salary_pence', new.annual_salary_pence, 'employer', new.employer, 'claimable', new.claimable));
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
END;

CREATE TRIGGER staff_audit_delete AFTER DELETE ON staff
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff', old.id, NULL,
            json_object ('name', old.name, 'payroll_id', old.payroll_id, 'role_code', old.role_code, 'start_date', old.start_date, 'end_date', old.end_date, 'leaving_reason', old.leaving_reason, 'wte_milli', old.wte_milli, 'band', old.band, 'annual_salary_pence', old.annual_salary_pence, 'employer', old.employer, 'claimable', old.claimable), NULL);
END;

-- staff_practice
CREATE TRIGGER staff_practice_audit_insert AFTER INSERT ON staff_practice
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff_practice', new.id, NULL, NULL,
            json_object ('staff_id', new.staff_id, 'practice_id', new.practice_id, 'sessions', new.sessions, 'position', new.position));
END;

CREATE TRIGGER staff_practice_audit_update AFTER UPDATE ON staff_practice
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff_practice', new.id, 'staff_id', old.staff_id, new.staff_id
    WHERE old.staff_id IS NOT new.staff_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff_practice', new.id, 'practice_id', old.practice_id, new.practice_id
    WHERE old.practice_id IS NOT new.practice_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff_practice', new.id, 'sessions', old.sessions, new.sessions
    WHERE old.sessions IS NOT new.sessions;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff_practice', new.id, 'position', old.position, new.position
    WHERE old.position IS NOT new.position;
END;

CREATE TRIGGER staff_practice_audit_delete AFTER DELETE ON staff_practice
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'staff_practice', old.id, NULL,
            json_object ('staff_id', old.staff_id, 'practice_id', old.practice_id, 'sessions', old.sessions, 'position', old.position), NULL);
END;

PRAGMA user_version = 2;
