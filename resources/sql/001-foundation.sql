-- 001-foundation.sql — the PCN, its practices and years, and the ARRS
-- reference data (roles, effective-dated rates, rules, allocation rates).
--
-- Run once inside a transaction by pcn-store.c. Money is integer pence,
-- dates are ISO 8601 text (YYYY-MM-DD).
--
-- SPDX-License-Identifier: GPL-3.0-or-later

-- 0x50434E57, "PCNW": marks the file as a PCN Workforce database.
PRAGMA application_id = 1346588247;

CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT
) WITHOUT ROWID;

-- The network: at most one row.
CREATE TABLE pcn (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  name               TEXT NOT NULL CHECK (name <> ''),
  ods_code           TEXT,
  list_size          INTEGER NOT NULL DEFAULT 0 CHECK (list_size >= 0),
  weighted_list_size INTEGER NOT NULL DEFAULT 0 CHECK (weighted_list_size >= 0),
  area               TEXT NOT NULL DEFAULT 'national'
                     CHECK (area IN ('national', 'outer-london', 'inner-london'))
);

CREATE TABLE practice (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE CHECK (name <> ''),
  ods_code  TEXT UNIQUE,
  list_size INTEGER NOT NULL DEFAULT 0 CHECK (list_size >= 0)
);

-- A financial year is named by its first calendar year (2026 is 2026/27).
CREATE TABLE financial_year (
  year             INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  allocation_pence INTEGER CHECK (allocation_pence IS NULL OR allocation_pence >= 0)
);

-- Reference data: replaced as a whole when a newer version ships.
CREATE TABLE role (
  code           TEXT PRIMARY KEY NOT NULL,
  name           TEXT NOT NULL,
  staff_group    TEXT,
  available_from TEXT,
  notes          TEXT,
  position       INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Maximum reimbursable annual amount per WTE. Rows with origin 'reference'
-- come from the shipped data; 'user' rows are entered or corrected by the
-- user and are never touched by a refresh.
CREATE TABLE role_rate (
  id             INTEGER PRIMARY KEY,
  role_code      TEXT NOT NULL REFERENCES role (code),
  area           TEXT NOT NULL DEFAULT 'national'
                 CHECK (area IN ('national', 'outer-london', 'inner-london', 'london')),
  effective_from TEXT NOT NULL,
  effective_to   TEXT CHECK (effective_to IS NULL OR effective_to >= effective_from),
  annual_pence   INTEGER NOT NULL CHECK (annual_pence > 0),
  source         TEXT,
  notes          TEXT,
  confidence     TEXT,
  origin         TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('reference', 'user'))
);
CREATE INDEX role_rate_by_role ON role_rate (role_code, area, effective_from);
CREATE UNIQUE INDEX role_rate_user_key ON role_rate (role_code, area, effective_from)
  WHERE origin = 'user';

-- Caps, eligibility, funding shares and prior-employment rules. role_code
-- may be 'ALL' or a code outside the role table (e.g. OTHER_DPC).
CREATE TABLE role_rule (
  id             INTEGER PRIMARY KEY,
  role_code      TEXT NOT NULL,
  kind           TEXT NOT NULL
                 CHECK (kind IN ('cap', 'eligibility', 'funding_share', 'prior_employment')),
  effective_from TEXT NOT NULL,
  effective_to   TEXT,
  params         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (params)),
  text           TEXT,
  confidence     TEXT,
  source         TEXT
);
CREATE INDEX role_rule_by_role ON role_rule (role_code, kind, effective_from);

-- The PCN ARRS sum per weighted patient, as a decimal string in pounds
-- (e.g. '22.671'), for the period it applies to.
CREATE TABLE allocation_rate (
  id                        INTEGER PRIMARY KEY,
  year                      INTEGER NOT NULL,
  component                 TEXT NOT NULL,
  per_weighted_patient_gbp  TEXT NOT NULL,
  effective_from            TEXT NOT NULL,
  effective_to              TEXT,
  population_reference_date TEXT,
  confidence                TEXT,
  notes                     TEXT,
  source                    TEXT
);

PRAGMA user_version = 1;
