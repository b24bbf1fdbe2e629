-- 005-induction.sql — induction checklists: the editable templates and the
-- checklists issued to each starter (one PCN-level list, one per host
-- practice, one from a subcontracted employer), item by item.
--
-- Templates: shipped rows (origin 'shipped', with a stable key) come from
-- resources/data/induction-templates.json and are refreshed by version
-- unless a user edited them (edited = 1); a removed shipped row stays as a
-- tombstone (removed = 1) so a refresh does not bring it back.
-- Issued items copy the template's section, text, owner and due offset:
-- a template edit never rewrites a checklist already issued. The due date
-- itself is computed in core from the starter's current start date.
--
-- Audit triggers as in 002-staff.sql. Shipped template rows are audited
-- only once a user touches them (like reference rates), and issued items
-- only when they change (ticks, notes): their insert is recorded by the
-- checklist's own insert row, which keeps issuing to large teams cheap.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE induction_template (
  id         INTEGER PRIMARY KEY,
  key        TEXT UNIQUE,   -- shipped rows only
  checklist  TEXT NOT NULL CHECK (checklist IN ('pcn', 'practice', 'employer')),
  role_code  TEXT,          -- NULL: every role
  section    TEXT NOT NULL CHECK (section <> ''),
  text       TEXT NOT NULL CHECK (text <> ''),
  owner      TEXT NOT NULL CHECK (owner IN ('employer', 'pcn', 'host_practice')),
  due        TEXT NOT NULL CHECK (due IN ('before_start', 'day_1', 'week_1', 'month_1', 'month_3')),
  position   INTEGER NOT NULL DEFAULT 0,
  source     TEXT,
  origin     TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('shipped', 'user')),
  edited     INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
  removed    INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
  CHECK (origin = 'shipped' OR key IS NULL)
);
CREATE INDEX induction_template_by_checklist ON induction_template (checklist, position);

-- One issued list. practice_id is set for (and only for) practice lists.
CREATE TABLE induction_checklist (
  id          INTEGER PRIMARY KEY,
  staff_id    INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('pcn', 'practice', 'employer')),
  practice_id INTEGER REFERENCES practice (id),
  issued_on   TEXT NOT NULL,
  CHECK ((kind = 'practice') = (practice_id IS NOT NULL))
);
CREATE UNIQUE INDEX induction_checklist_once
  ON induction_checklist (staff_id, kind, IFNULL (practice_id, 0));

CREATE TABLE induction_item (
  id           INTEGER PRIMARY KEY,
  checklist_id INTEGER NOT NULL REFERENCES induction_checklist (id) ON DELETE CASCADE,
  template_id  INTEGER,     -- copied from (for information; may since be removed)
  section      TEXT NOT NULL,
  text         TEXT NOT NULL,
  owner        TEXT NOT NULL CHECK (owner IN ('employer', 'pcn', 'host_practice')),
  due          TEXT NOT NULL CHECK (due IN ('before_start', 'day_1', 'week_1', 'month_1', 'month_3')),
  position     INTEGER NOT NULL DEFAULT 0,
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'na')),
  done_by      TEXT,
  done_on      TEXT,
  na_reason    TEXT,
  note         TEXT,
  CHECK ((status = 'open') = (done_on IS NULL)),
  CHECK ((status = 'open') = (done_by IS NULL)),
  CHECK ((status = 'na') = (na_reason IS NOT NULL))
);
CREATE INDEX induction_item_by_checklist ON induction_item (checklist_id, position);

-- induction_template
CREATE TRIGGER induction_template_audit_insert AFTER INSERT ON induction_template WHEN new.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_template', new.id, NULL, NULL,
            json_object ('key', new.key, 'checklist', new.checklist, 'role_code', new.role_code, 'section', new.section, 'text', new.text, 'owner', new.owner, 'due', new.due, 'position', new.position, 'source', new.source, 'origin', new.origin, 'edited', new.edited, 'removed', new.removed));
END;

CREATE TRIGGER induction_template_audit_update AFTER UPDATE ON induction_template WHEN old.origin = 'user' OR new.edited = 1
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_template', new.id, 'key', old.key, new.key
    WHERE old.key IS NOT new.key;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_template', new.id, 'checklist', old.checklist, new.checklist
    WHERE old.checklist IS NOT new.checklist;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_template', new.id, 'role_code', old.role_code, new.role_code
    WHERE old.role_code IS NOT new.role_code;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_template', new.id, 'section', old.section, new.section
    WHERE old.section IS NOT new.section;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_template', new.id, 'text', old.text, new.text
    WHERE old.text IS NOT new.text;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_template', new.id, 'owner', old.owner, new.owner
    WHERE old.owner IS NOT new.owner;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_template', new.id, 'due', old.due, new.due
    WHERE old.due IS NOT new.due;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_template', new.id, 'position', old.position, new.position
    WHERE old.position IS NOT new.position;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_template', new.id, 'source', old.source, new.source
    WHERE old.source IS NOT new.source;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_template', new.id, 'origin', old.origin, new.origin
    WHERE old.origin IS NOT new.origin;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_template', new.id, 'edited', old.edited, new.edited
    WHERE old.edited IS NOT new.edited;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_template', new.id, 'removed', old.removed, new.removed
    WHERE old.removed IS NOT new.removed;
END;

CREATE TRIGGER induction_template_audit_delete AFTER DELETE ON induction_template WHEN old.origin = 'user' OR old.edited = 1
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_template', old.id, NULL,
            json_object ('key', old.key, 'checklist', old.checklist, 'role_code', old.role_code, 'section', old.section, 'text', old.text, 'owner', old.owner, 'due', old.due, 'position', old.position, 'source', old.source, 'origin', old.origin, 'edited', old.edited, 'removed', old.removed), NULL);
END;

-- induction_checklist
CREATE TRIGGER induction_checklist_audit_insert AFTER INSERT ON induction_checklist
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_checklist', new.id, NULL, NULL,
            json_object ('staff_id', new.staff_id, 'kind', new.kind, 'practice_id', new.practice_id, 'issued_on', new.issued_on));
END;

CREATE TRIGGER induction_checklist_audit_update AFTER UPDATE ON induction_checklist
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_checklist', new.id, 'staff_id', old.staff_id, new.staff_id
    WHERE old.staff_id IS NOT new.staff_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_checklist', new.id, 'kind', old.kind, new.kind
    WHERE old.kind IS NOT new.kind;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_checklist', new.id, 'practice_id', old.practice_id, new.practice_id
    WHERE old.practice_id IS NOT new.practice_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_checklist', new.id, 'issued_on', old.issued_on, new.issued_on
    WHERE old.issued_on IS NOT new.issued_on;
END;

CREATE TRIGGER induction_checklist_audit_delete AFTER DELETE ON induction_checklist
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_checklist', old.id, NULL,
            json_object ('staff_id', old.staff_id, 'kind', old.kind, 'practice_id', old.practice_id, 'issued_on', old.issued_on), NULL);
END;

-- induction_item
CREATE TRIGGER induction_item_audit_update AFTER UPDATE ON induction_item
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_item', new.id, 'checklist_id', old.checklist_id, new.checklist_id
    WHERE old.checklist_id IS NOT new.checklist_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_item', new.id, 'template_id', old.template_id, new.template_id
    WHERE old.template_id IS NOT new.template_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_item', new.id, 'section', old.section, new.section
    WHERE old.section IS NOT new.section;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_item', new.id, 'text', old.text, new.text
    WHERE old.text IS NOT new.text;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_item', new.id, 'owner', old.owner, new.owner
    WHERE old.owner IS NOT new.owner;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_item', new.id, 'due', old.due, new.due
    WHERE old.due IS NOT new.due;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_item', new.id, 'position', old.position, new.position
    WHERE old.position IS NOT new.position;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_item', new.id, 'status', old.status, new.status
    WHERE old.status IS NOT new.status;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_item', new.id, 'done_by', old.done_by, new.done_by
    WHERE old.done_by IS NOT new.done_by;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_item', new.id, 'done_on', old.done_on, new.done_on
    WHERE old.done_on IS NOT new.done_on;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_item', new.id, 'na_reason', old.na_reason, new.na_reason
    WHERE old.na_reason IS NOT new.na_reason;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_item', new.id, 'note', old.note, new.note
    WHERE old.note IS NOT new.note;
END;

CREATE TRIGGER induction_item_audit_delete AFTER DELETE ON induction_item
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'induction_item', old.id, NULL,
            json_object ('checklist_id', old.checklist_id, 'template_id', old.template_id, 'section', old.section, 'text', old.text, 'owner', old.owner, 'due', old.due, 'position', old.position, 'status', old.status, 'done_by', old.done_by, 'done_on', old.done_on, 'na_reason', old.na_reason, 'note', old.note), NULL);
END;

PRAGMA user_version = 5;
