-- 006-supervision.sql — supervision requirements per role (reference data,
-- editable), named supervisors, the session log (never clinical content:
-- no notes), training and pathway items, the integration check answers and
-- the PCN's hourly cost of GP time.
--
-- Audit triggers as in 002-staff.sql: every user table logs inserts,
-- changed fields and deletes through pcn_os_user(); requirement rows only
-- when a user made or changed them (origin 'user'), like role_rate. Static
-- SQL only.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

-- One row per role and kind. frequency_days and pathway_months are NULL
-- when the sources do not say. origin 'reference' rows are replaced when
-- a newer supervision-requirements.json ships; 'user' rows are kept.
CREATE TABLE supervision_requirement (
  id              INTEGER PRIMARY KEY,
  role_code       TEXT NOT NULL REFERENCES role (code),
  kind            TEXT NOT NULL CHECK (kind IN ('clinic', 'clinical', 'educational')),
  who             TEXT,
  frequency_days  INTEGER CHECK (frequency_days IS NULL OR frequency_days > 0),
  pathway_name    TEXT,
  pathway_months  INTEGER CHECK (pathway_months IS NULL OR pathway_months > 0),
  pathway_source  TEXT,
  source          TEXT,
  origin          TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('reference', 'user')),
  UNIQUE (role_code, kind)
);

-- A named supervisor of one kind for one person, from a date to a date
-- (both inclusive; NULL: open). practice_id NULL: PCN-wide.
CREATE TABLE supervisor_assignment (
  id               INTEGER PRIMARY KEY,
  staff_id         INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  kind             TEXT NOT NULL CHECK (kind IN ('clinic', 'clinical', 'educational')),
  supervisor       TEXT NOT NULL CHECK (supervisor <> ''),
  profession       TEXT,
  minutes_per_week INTEGER NOT NULL DEFAULT 0 CHECK (minutes_per_week >= 0),
  practice_id      INTEGER REFERENCES practice (id),
  from_date        TEXT,
  to_date          TEXT CHECK (to_date IS NULL OR from_date IS NULL OR to_date >= from_date)
);
CREATE INDEX supervisor_assignment_by_staff ON supervisor_assignment (staff_id);

-- A supervision session. Deliberately no free text: no clinical content.
CREATE TABLE supervision_session (
  id          INTEGER PRIMARY KEY,
  staff_id    INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  date        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('clinic', 'clinical', 'educational')),
  supervisor  TEXT NOT NULL CHECK (supervisor <> ''),
  minutes     INTEGER NOT NULL CHECK (minutes > 0),
  is_group    INTEGER NOT NULL DEFAULT 0 CHECK (is_group IN (0, 1))
);
CREATE INDEX supervision_session_by_staff ON supervision_session (staff_id, date);

-- A training or pathway item: due_date is the deadline while not done and
-- the expiry once done (NULL: none).
CREATE TABLE training_item (
  id            INTEGER PRIMARY KEY,
  staff_id      INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  name          TEXT NOT NULL CHECK (name <> ''),
  due_date      TEXT,
  completed_on  TEXT
);
CREATE INDEX training_item_by_staff ON training_item (staff_id);

-- The integration check answers per person (NULL: not answered).
CREATE TABLE integration_answer (
  staff_id          INTEGER PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
  home_team         TEXT CHECK (home_team IS NULL OR home_team <> ''),
  system_access     INTEGER CHECK (system_access IS NULL OR system_access IN (0, 1)),
  clinical_meetings INTEGER CHECK (clinical_meetings IS NULL OR clinical_meetings IN (0, 1)),
  peer_support      INTEGER CHECK (peer_support IS NULL OR peer_support IN (0, 1)),
  protected_cpd     INTEGER CHECK (protected_cpd IS NULL OR protected_cpd IN (0, 1)),
  job_plan          INTEGER CHECK (job_plan IS NULL OR job_plan IN (0, 1))
);

-- The PCN's cost of an hour of GP time (pence), for the cost of supervision.
CREATE TABLE supervision_cost (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  gp_hourly_pence INTEGER CHECK (gp_hourly_pence IS NULL OR gp_hourly_pence >= 0)
);

-- supervision_requirement
CREATE TRIGGER supervision_requirement_audit_insert AFTER INSERT ON supervision_requirement WHEN new.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_requirement', new.id, NULL, NULL,
            json_object ('role_code', new.role_code, 'kind', new.kind, 'who', new.who, 'frequency_days', new.frequency_days, 'pathway_name', new.pathway_name, 'pathway_months', new.pathway_months, 'pathway_source', new.pathway_source, 'source', new.source, 'origin', new.origin));
END;

CREATE TRIGGER supervision_requirement_audit_update AFTER UPDATE ON supervision_requirement WHEN old.origin = 'user' OR new.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_requirement', new.id, 'role_code', old.role_code, new.role_code
    WHERE old.role_code IS NOT new.role_code;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_requirement', new.id, 'kind', old.kind, new.kind
    WHERE old.kind IS NOT new.kind;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_requirement', new.id, 'who', old.who, new.who
    WHERE old.who IS NOT new.who;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_requirement', new.id, 'frequency_days', old.frequency_days, new.frequency_days
    WHERE old.frequency_days IS NOT new.frequency_days;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_requirement', new.id, 'pathway_name', old.pathway_name, new.pathway_name
    WHERE old.pathway_name IS NOT new.pathway_name;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_requirement', new.id, 'pathway_months', old.pathway_months, new.pathway_months
    WHERE old.pathway_months IS NOT new.pathway_months;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_requirement', new.id, 'pathway_source', old.pathway_source, new.pathway_source
    WHERE old.pathway_source IS NOT new.pathway_source;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_requirement', new.id, 'source', old.source, new.source
    WHERE old.source IS NOT new.source;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_requirement', new.id, 'origin', old.origin, new.origin
    WHERE old.origin IS NOT new.origin;
END;

CREATE TRIGGER supervision_requirement_audit_delete AFTER DELETE ON supervision_requirement WHEN old.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_requirement', old.id, NULL,
            json_object ('role_code', old.role_code, 'kind', old.kind, 'who', old.who, 'frequency_days', old.frequency_days, 'pathway_name', old.pathway_name, 'pathway_months', old.pathway_months, 'pathway_source', old.pathway_source, 'source', old.source, 'origin', old.origin), NULL);
END;

-- supervisor_assignment
CREATE TRIGGER supervisor_assignment_audit_insert AFTER INSERT ON supervisor_assignment
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervisor_assignment', new.id, NULL, NULL,
            json_object ('staff_id', new.staff_id, 'kind', new.kind, 'supervisor', new.supervisor, 'profession', new.profession, 'minutes_per_week', new.minutes_per_week, 'practice_id', new.practice_id, 'from_date', new.from_date, 'to_date', new.to_date));
END;

CREATE TRIGGER supervisor_assignment_audit_update AFTER UPDATE ON supervisor_assignment
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervisor_assignment', new.id, 'staff_id', old.staff_id, new.staff_id
    WHERE old.staff_id IS NOT new.staff_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervisor_assignment', new.id, 'kind', old.kind, new.kind
    WHERE old.kind IS NOT new.kind;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervisor_assignment', new.id, 'supervisor', old.supervisor, new.supervisor
    WHERE old.supervisor IS NOT new.supervisor;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervisor_assignment', new.id, 'profession', old.profession, new.profession
    WHERE old.profession IS NOT new.profession;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervisor_assignment', new.id, 'minutes_per_week', old.minutes_per_week, new.minutes_per_week
    WHERE old.minutes_per_week IS NOT new.minutes_per_week;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervisor_assignment', new.id, 'practice_id', old.practice_id, new.practice_id
    WHERE old.practice_id IS NOT new.practice_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervisor_assignment', new.id, 'from_date', old.from_date, new.from_date
    WHERE old.from_date IS NOT new.from_date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervisor_assignment', new.id, 'to_date', old.to_date, new.to_date
    WHERE old.to_date IS NOT new.to_date;
END;

CREATE TRIGGER supervisor_assignment_audit_delete AFTER DELETE ON supervisor_assignment
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervisor_assignment', old.id, NULL,
            json_object ('staff_id', old.staff_id, 'kind', old.kind, 'supervisor', old.supervisor, 'profession', old.profession, 'minutes_per_week', old.minutes_per_week, 'practice_id', old.practice_id, 'from_date', old.from_date, 'to_date', old.to_date), NULL);
END;

-- supervision_session
CREATE TRIGGER supervision_session_audit_insert AFTER INSERT ON supervision_session
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_session', new.id, NULL, NULL,
            json_object ('staff_id', new.staff_id, 'date', new.date, 'kind', new.kind, 'supervisor', new.supervisor, 'minutes', new.minutes, 'is_group', new.is_group));
END;

CREATE TRIGGER supervision_session_audit_update AFTER UPDATE ON supervision_session
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_session', new.id, 'staff_id', old.staff_id, new.staff_id
    WHERE old.staff_id IS NOT new.staff_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_session', new.id, 'date', old.date, new.date
    WHERE old.date IS NOT new.date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_session', new.id, 'kind', old.kind, new.kind
    WHERE old.kind IS NOT new.kind;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_session', new.id, 'supervisor', old.supervisor, new.supervisor
    WHERE old.supervisor IS NOT new.supervisor;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_session', new.id, 'minutes', old.minutes, new.minutes
    WHERE old.minutes IS NOT new.minutes;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_session', new.id, 'is_group', old.is_group, new.is_group
    WHERE old.is_group IS NOT new.is_group;
END;

CREATE TRIGGER supervision_session_audit_delete AFTER DELETE ON supervision_session
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_session', old.id, NULL,
            json_object ('staff_id', old.staff_id, 'date', old.date, 'kind', old.kind, 'supervisor', old.supervisor, 'minutes', old.minutes, 'is_group', old.is_group), NULL);
END;

-- training_item
CREATE TRIGGER training_item_audit_insert AFTER INSERT ON training_item
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'training_item', new.id, NULL, NULL,
            json_object ('staff_id', new.staff_id, 'name', new.name, 'due_date', new.due_date, 'completed_on', new.completed_on));
END;

CREATE TRIGGER training_item_audit_update AFTER UPDATE ON training_item
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'training_item', new.id, 'staff_id', old.staff_id, new.staff_id
    WHERE old.staff_id IS NOT new.staff_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'training_item', new.id, 'name', old.name, new.name
    WHERE old.name IS NOT new.name;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'training_item', new.id, 'due_date', old.due_date, new.due_date
    WHERE old.due_date IS NOT new.due_date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'training_item', new.id, 'completed_on', old.completed_on, new.completed_on
    WHERE old.completed_on IS NOT new.completed_on;
END;

CREATE TRIGGER training_item_audit_delete AFTER DELETE ON training_item
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'training_item', old.id, NULL,
            json_object ('staff_id', old.staff_id, 'name', old.name, 'due_date', old.due_date, 'completed_on', old.completed_on), NULL);
END;

-- integration_answer
CREATE TRIGGER integration_answer_audit_insert AFTER INSERT ON integration_answer
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'integration_answer', new.staff_id, NULL, NULL,
            json_object ('home_team', new.home_team, 'system_access', new.system_access, 'clinical_meetings', new.clinical_meetings, 'peer_support', new.peer_support, 'protected_cpd', new.protected_cpd, 'job_plan', new.job_plan));
END;

CREATE TRIGGER integration_answer_audit_update AFTER UPDATE ON integration_answer
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'integration_answer', new.staff_id, 'home_team', old.home_team, new.home_team
    WHERE old.home_team IS NOT new.home_team;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'integration_answer', new.staff_id, 'system_access', old.system_access, new.system_access
    WHERE old.system_access IS NOT new.system_access;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'integration_answer', new.staff_id, 'clinical_meetings', old.clinical_meetings, new.clinical_meetings
    WHERE old.clinical_meetings IS NOT new.clinical_meetings;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'integration_answer', new.staff_id, 'peer_support', old.peer_support, new.peer_support
    WHERE old.peer_support IS NOT new.peer_support;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'integration_answer', new.staff_id, 'protected_cpd', old.protected_cpd, new.protected_cpd
    WHERE old.protected_cpd IS NOT new.protected_cpd;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'integration_answer', new.staff_id, 'job_plan', old.job_plan, new.job_plan
    WHERE old.job_plan IS NOT new.job_plan;
END;

CREATE TRIGGER integration_answer_audit_delete AFTER DELETE ON integration_answer
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'integration_answer', old.staff_id, NULL,
            json_object ('home_team', old.home_team, 'system_access', old.system_access, 'clinical_meetings', old.clinical_meetings, 'peer_support', old.peer_support, 'protected_cpd', old.protected_cpd, 'job_plan', old.job_plan), NULL);
END;

-- supervision_cost
CREATE TRIGGER supervision_cost_audit_insert AFTER INSERT ON supervision_cost
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_cost', new.id, NULL, NULL,
            json_object ('gp_hourly_pence', new.gp_hourly_pence));
END;

CREATE TRIGGER supervision_cost_audit_update AFTER UPDATE ON supervision_cost
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_cost', new.id, 'gp_hourly_pence', old.gp_hourly_pence, new.gp_hourly_pence
    WHERE old.gp_hourly_pence IS NOT new.gp_hourly_pence;
END;

CREATE TRIGGER supervision_cost_audit_delete AFTER DELETE ON supervision_cost
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'supervision_cost', old.id, NULL,
            json_object ('gp_hourly_pence', old.gp_hourly_pence), NULL);
END;


PRAGMA user_version = 6;
