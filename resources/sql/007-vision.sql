-- 007-vision.sql — the PCN's vision and purpose, its objectives and the
-- posts that serve them, a dated review log, each member practice's buy-in,
-- the skills-need audit (skills, the editable mapping of skills to roles
-- with minutes per contact, audit periods and counts) and role cards.
--
-- The default skills, their mapping and the role cards are data
-- (resources/data/skills-audit.json, resources/data/role-cards.json),
-- loaded by pcn-store-vision.c into new databases once the roles exist and
-- refreshed by version; rows a user made or changed are origin 'user' and
-- kept. Audit triggers as in 002-staff.sql on every user table; reference
-- rows (origin 'reference') are logged only once a user touches them.
-- Static SQL only.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

-- The vision: at most one row. working_weeks: weeks a WTE works a year,
-- after leave, bank holidays and CPD (pcn-vision.h).
CREATE TABLE vision (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  statement      TEXT,
  purpose        TEXT,
  working_weeks  INTEGER NOT NULL DEFAULT 42 CHECK (working_weeks BETWEEN 1 AND 52)
);

CREATE TABLE objective (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL CHECK (title <> ''),
  measure      TEXT NOT NULL CHECK (measure <> ''),
  target       TEXT,
  owner        TEXT,
  review_date  TEXT,
  position     INTEGER NOT NULL DEFAULT 0
);

-- "Time to reflect": a dated note each time the vision is reviewed.
CREATE TABLE vision_review (
  id    INTEGER PRIMARY KEY,
  date  TEXT NOT NULL,
  note  TEXT NOT NULL CHECK (note <> '')
);

-- Posts serve objectives: many to many.
CREATE TABLE objective_post (
  id            INTEGER PRIMARY KEY,
  objective_id  INTEGER NOT NULL REFERENCES objective (id) ON DELETE CASCADE,
  post_id       INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
  UNIQUE (objective_id, post_id)
);
CREATE INDEX objective_post_by_post ON objective_post (post_id);

-- A member practice's buy-in to the vision and the roles.
CREATE TABLE practice_buy_in (
  practice_id  INTEGER PRIMARY KEY REFERENCES practice (id) ON DELETE CASCADE,
  agreed       INTEGER NOT NULL CHECK (agreed IN (0, 1)),
  date         TEXT,
  agreed_by    TEXT,
  notes        TEXT
);

CREATE TABLE skill (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE CHECK (code <> ''),
  name      TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
  position  INTEGER NOT NULL DEFAULT 0,
  origin    TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('reference', 'user'))
);

-- Which roles can provide a skill, and how long a contact takes.
CREATE TABLE skill_role (
  id                   INTEGER PRIMARY KEY,
  skill_id             INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
  role_code            TEXT NOT NULL REFERENCES role (code),
  minutes_per_contact  INTEGER NOT NULL CHECK (minutes_per_contact BETWEEN 1 AND 600),
  origin               TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('reference', 'user')),
  UNIQUE (skill_id, role_code)
);

-- An audit period (both days inclusive) and its counts.
CREATE TABLE skills_audit (
  id         INTEGER PRIMARY KEY,
  from_date  TEXT NOT NULL,
  to_date    TEXT NOT NULL CHECK (to_date >= from_date),
  notes      TEXT,
  UNIQUE (from_date, to_date)
);

CREATE TABLE skills_audit_count (
  id        INTEGER PRIMARY KEY,
  audit_id  INTEGER NOT NULL REFERENCES skills_audit (id) ON DELETE CASCADE,
  skill_id  INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
  count     INTEGER NOT NULL CHECK (count >= 0),
  UNIQUE (audit_id, skill_id)
);

-- Plain-language role cards for practices and reception teams. NULL text:
-- not yet written.
CREATE TABLE role_card (
  id             INTEGER PRIMARY KEY,
  role_code      TEXT NOT NULL UNIQUE REFERENCES role (code),
  does           TEXT,
  does_not       TEXT,
  supervised_by  TEXT,
  how_to_refer   TEXT,
  source         TEXT,
  origin         TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('reference', 'user'))
);

-- vision
CREATE TRIGGER vision_audit_insert AFTER INSERT ON vision
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'vision', new.id, NULL, NULL,
            json_object ('statement', new.statement, 'purpose', new.purpose, 'working_weeks', new.working_weeks));
END;

CREATE TRIGGER vision_audit_update AFTER UPDATE ON vision
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'vision', new.id, 'statement', old.statement, new.statement
    WHERE old.statement IS NOT new.statement;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'vision', new.id, 'purpose', old.purpose, new.purpose
    WHERE old.purpose IS NOT new.purpose;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'vision', new.id, 'working_weeks', old.working_weeks, new.working_weeks
    WHERE old.working_weeks IS NOT new.working_weeks;
END;

CREATE TRIGGER vision_audit_delete AFTER DELETE ON vision
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'vision', old.id, NULL,
            json_object ('statement', old.statement, 'purpose', old.purpose, 'working_weeks', old.working_weeks), NULL);
END;

-- objective
CREATE TRIGGER objective_audit_insert AFTER INSERT ON objective
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'objective', new.id, NULL, NULL,
            json_object ('title', new.title, 'measure', new.measure, 'target', new.target, 'owner', new.owner, 'review_date', new.review_date, 'position', new.position));
END;

CREATE TRIGGER objective_audit_update AFTER UPDATE ON objective
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'objective', new.id, 'title', old.title, new.title
    WHERE old.title IS NOT new.title;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'objective', new.id, 'measure', old.measure, new.measure
    WHERE old.measure IS NOT new.measure;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'objective', new.id, 'target', old.target, new.target
    WHERE old.target IS NOT new.target;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'objective', new.id, 'owner', old.owner, new.owner
    WHERE old.owner IS NOT new.owner;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'objective', new.id, 'review_date', old.review_date, new.review_date
    WHERE old.review_date IS NOT new.review_date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'objective', new.id, 'position', old.position, new.position
    WHERE old.position IS NOT new.position;
END;

CREATE TRIGGER objective_audit_delete AFTER DELETE ON objective
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'objective', old.id, NULL,
            json_object ('title', old.title, 'measure', old.measure, 'target', old.target, 'owner', old.owner, 'review_date', old.review_date, 'position', old.position), NULL);
END;

-- vision_review
CREATE TRIGGER vision_review_audit_insert AFTER INSERT ON vision_review
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'vision_review', new.id, NULL, NULL,
            json_object ('date', new.date, 'note', new.note));
END;

CREATE TRIGGER vision_review_audit_update AFTER UPDATE ON vision_review
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'vision_review', new.id, 'date', old.date, new.date
    WHERE old.date IS NOT new.date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'vision_review', new.id, 'note', old.note, new.note
    WHERE old.note IS NOT new.note;
END;

CREATE TRIGGER vision_review_audit_delete AFTER DELETE ON vision_review
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'vision_review', old.id, NULL,
            json_object ('date', old.date, 'note', old.note), NULL);
END;

-- objective_post
CREATE TRIGGER objective_post_audit_insert AFTER INSERT ON objective_post
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'objective_post', new.id, NULL, NULL,
            json_object ('objective_id', new.objective_id, 'post_id', new.post_id));
END;

CREATE TRIGGER objective_post_audit_update AFTER UPDATE ON objective_post
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'objective_post', new.id, 'objective_id', old.objective_id, new.objective_id
    WHERE old.objective_id IS NOT new.objective_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'objective_post', new.id, 'post_id', old.post_id, new.post_id
    WHERE old.post_id IS NOT new.post_id;
END;

CREATE TRIGGER objective_post_audit_delete AFTER DELETE ON objective_post
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'objective_post', old.id, NULL,
            json_object ('objective_id', old.objective_id, 'post_id', old.post_id), NULL);
END;

-- practice_buy_in
CREATE TRIGGER practice_buy_in_audit_insert AFTER INSERT ON practice_buy_in
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'practice_buy_in', new.practice_id, NULL, NULL,
            json_object ('agreed', new.agreed, 'date', new.date, 'agreed_by', new.agreed_by, 'notes', new.notes));
END;

CREATE TRIGGER practice_buy_in_audit_update AFTER UPDATE ON practice_buy_in
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'practice_buy_in', new.practice_id, 'agreed', old.agreed, new.agreed
    WHERE old.agreed IS NOT new.agreed;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'practice_buy_in', new.practice_id, 'date', old.date, new.date
    WHERE old.date IS NOT new.date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'practice_buy_in', new.practice_id, 'agreed_by', old.agreed_by, new.agreed_by
    WHERE old.agreed_by IS NOT new.agreed_by;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'practice_buy_in', new.practice_id, 'notes', old.notes, new.notes
    WHERE old.notes IS NOT new.notes;
END;

CREATE TRIGGER practice_buy_in_audit_delete AFTER DELETE ON practice_buy_in
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'practice_buy_in', old.practice_id, NULL,
            json_object ('agreed', old.agreed, 'date', old.date, 'agreed_by', old.agreed_by, 'notes', old.notes), NULL);
END;

-- skill
CREATE TRIGGER skill_audit_insert AFTER INSERT ON skill WHEN new.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skill', new.id, NULL, NULL,
            json_object ('code', new.code, 'name', new.name, 'position', new.position, 'origin', new.origin));
END;

CREATE TRIGGER skill_audit_update AFTER UPDATE ON skill WHEN old.origin = 'user' OR new.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skill', new.id, 'code', old.code, new.code
    WHERE old.code IS NOT new.code;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skill', new.id, 'name', old.name, new.name
    WHERE old.name IS NOT new.name;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skill', new.id, 'position', old.position, new.position
    WHERE old.position IS NOT new.position;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skill', new.id, 'origin', old.origin, new.origin
    WHERE old.origin IS NOT new.origin;
END;

CREATE TRIGGER skill_audit_delete AFTER DELETE ON skill WHEN old.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skill', old.id, NULL,
            json_object ('code', old.code, 'name', old.name, 'position', old.position, 'origin', old.origin), NULL);
END;

-- skill_role
CREATE TRIGGER skill_role_audit_insert AFTER INSERT ON skill_role WHEN new.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skill_role', new.id, NULL, NULL,
            json_object ('skill_id', new.skill_id, 'role_code', new.role_code, 'minutes_per_contact', new.minutes_per_contact, 'origin', new.origin));
END;

CREATE TRIGGER skill_role_audit_update AFTER UPDATE ON skill_role WHEN old.origin = 'user' OR new.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skill_role', new.id, 'skill_id', old.skill_id, new.skill_id
    WHERE old.skill_id IS NOT new.skill_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skill_role', new.id, 'role_code', old.role_code, new.role_code
    WHERE old.role_code IS NOT new.role_code;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skill_role', new.id, 'minutes_per_contact', old.minutes_per_contact, new.minutes_per_contact
    WHERE old.minutes_per_contact IS NOT new.minutes_per_contact;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skill_role', new.id, 'origin', old.origin, new.origin
    WHERE old.origin IS NOT new.origin;
END;

CREATE TRIGGER skill_role_audit_delete AFTER DELETE ON skill_role WHEN old.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skill_role', old.id, NULL,
            json_object ('skill_id', old.skill_id, 'role_code', old.role_code, 'minutes_per_contact', old.minutes_per_contact, 'origin', old.origin), NULL);
END;

-- skills_audit
CREATE TRIGGER skills_audit_audit_insert AFTER INSERT ON skills_audit
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skills_audit', new.id, NULL, NULL,
            json_object ('from_date', new.from_date, 'to_date', new.to_date, 'notes', new.notes));
END;

CREATE TRIGGER skills_audit_audit_update AFTER UPDATE ON skills_audit
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skills_audit', new.id, 'from_date', old.from_date, new.from_date
    WHERE old.from_date IS NOT new.from_date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skills_audit', new.id, 'to_date', old.to_date, new.to_date
    WHERE old.to_date IS NOT new.to_date;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skills_audit', new.id, 'notes', old.notes, new.notes
    WHERE old.notes IS NOT new.notes;
END;

CREATE TRIGGER skills_audit_audit_delete AFTER DELETE ON skills_audit
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skills_audit', old.id, NULL,
            json_object ('from_date', old.from_date, 'to_date', old.to_date, 'notes', old.notes), NULL);
END;

-- skills_audit_count
CREATE TRIGGER skills_audit_count_audit_insert AFTER INSERT ON skills_audit_count
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skills_audit_count', new.id, NULL, NULL,
            json_object ('audit_id', new.audit_id, 'skill_id', new.skill_id, 'count', new.count));
END;

CREATE TRIGGER skills_audit_count_audit_update AFTER UPDATE ON skills_audit_count
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skills_audit_count', new.id, 'audit_id', old.audit_id, new.audit_id
    WHERE old.audit_id IS NOT new.audit_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skills_audit_count', new.id, 'skill_id', old.skill_id, new.skill_id
    WHERE old.skill_id IS NOT new.skill_id;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skills_audit_count', new.id, 'count', old.count, new.count
    WHERE old.count IS NOT new.count;
END;

CREATE TRIGGER skills_audit_count_audit_delete AFTER DELETE ON skills_audit_count
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'skills_audit_count', old.id, NULL,
            json_object ('audit_id', old.audit_id, 'skill_id', old.skill_id, 'count', old.count), NULL);
END;

-- role_card
CREATE TRIGGER role_card_audit_insert AFTER INSERT ON role_card WHEN new.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_card', new.id, NULL, NULL,
            json_object ('role_code', new.role_code, 'does', new.does, 'does_not', new.does_not, 'supervised_by', new.supervised_by, 'how_to_refer', new.how_to_refer, 'source', new.source, 'origin', new.origin));
END;

CREATE TRIGGER role_card_audit_update AFTER UPDATE ON role_card WHEN old.origin = 'user' OR new.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_card', new.id, 'role_code', old.role_code, new.role_code
    WHERE old.role_code IS NOT new.role_code;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_card', new.id, 'does', old.does, new.does
    WHERE old.does IS NOT new.does;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_card', new.id, 'does_not', old.does_not, new.does_not
    WHERE old.does_not IS NOT new.does_not;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_card', new.id, 'supervised_by', old.supervised_by, new.supervised_by
    WHERE old.supervised_by IS NOT new.supervised_by;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_card', new.id, 'how_to_refer', old.how_to_refer, new.how_to_refer
    WHERE old.how_to_refer IS NOT new.how_to_refer;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_card', new.id, 'source', old.source, new.source
    WHERE old.source IS NOT new.source;
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    SELECT strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_card', new.id, 'origin', old.origin, new.origin
    WHERE old.origin IS NOT new.origin;
END;

CREATE TRIGGER role_card_audit_delete AFTER DELETE ON role_card WHEN old.origin = 'user'
BEGIN
  INSERT INTO audit_log (at, os_user, table_name, row_id, field, old_value, new_value)
    VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), pcn_os_user (), 'role_card', old.id, NULL,
            json_object ('role_code', old.role_code, 'does', old.does, 'does_not', old.does_not, 'supervised_by', old.supervised_by, 'how_to_refer', old.how_to_refer, 'source', old.source, 'origin', old.origin), NULL);
END;


PRAGMA user_version = 7;
