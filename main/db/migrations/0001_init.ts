// Migration 0001: the hall store (issue 3). Released migrations are never edited: add a new numbered file instead.
// Codes (business type, class, stage, status, role) are the stable strings of shared/domain/codes.ts; CHECK
// constraints are left to the services so that a province can add a code without a table rebuild.
export default /* sql */ `
-- Key/value settings, including the hall: hall.code, hall.name, hall.createdAt (main/db/repositories/hallRepo.ts).
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  change_seq INTEGER NOT NULL DEFAULT 0
) STRICT;

-- One hall-wide counter, bumped once in the transaction of every change; HQ export reads change_seq > watermark.
CREATE TABLE change_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL
) STRICT;
INSERT INTO change_counter (id, seq) VALUES (1, 0);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;

-- 客户 person (PERSON) or organisation (ORG), identified by document type and number.
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  id_type TEXT NOT NULL,
  id_number TEXT NOT NULL,
  phone TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  change_seq INTEGER NOT NULL,
  UNIQUE (id_type, id_number)
) STRICT;

-- Daily sequences for application and contract numbers; a number once taken is never handed out again.
CREATE TABLE number_counters (
  scope TEXT NOT NULL,
  day TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (scope, day)
) WITHOUT ROWID, STRICT;

-- 业扩申请: the validated record as JSON plus the columns that lists, filters and deadlines need.
CREATE TABLE applications (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  business_type TEXT NOT NULL,
  customer_class TEXT NOT NULL,
  time_limit_class TEXT NOT NULL,
  stage TEXT NOT NULL,
  status TEXT NOT NULL,
  customer_name TEXT NOT NULL,
  id_number TEXT NOT NULL,
  phone TEXT NOT NULL,
  address TEXT NOT NULL,
  account_no TEXT,
  application_date TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Clock (shared/workflow/clock.ts); dates are Asia/Shanghai YYYY-MM-DD.
  accept_date TEXT NOT NULL,
  stage_start_date TEXT NOT NULL,
  stage_paused_wd INTEGER NOT NULL DEFAULT 0,
  total_paused_wd INTEGER NOT NULL DEFAULT 0,
  stage_due TEXT,
  stage_warn TEXT,
  total_due TEXT,
  total_warn TEXT,
  -- Earliest of the two clocks, for the deadline-state filter.
  due_date TEXT,
  warn_date TEXT,
  suspended_since TEXT,
  pause_reason TEXT,
  closed_at TEXT,
  record_json TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  change_seq INTEGER NOT NULL
) STRICT;
-- Lists page by id descending (creation order): one index per filter column, ending in id.
CREATE INDEX applications_stage ON applications (stage, id);
CREATE INDEX applications_type ON applications (business_type, id);
CREATE INDEX applications_class ON applications (customer_class, id);
CREATE INDEX applications_status ON applications (status, id);
CREATE INDEX applications_due ON applications (due_date) WHERE due_date IS NOT NULL;
CREATE INDEX applications_date ON applications (application_date, id);
CREATE INDEX applications_customer ON applications (customer_id);
CREATE INDEX applications_account ON applications (account_no) WHERE account_no IS NOT NULL;
CREATE INDEX applications_change ON applications (change_seq);

-- 环节记录 one row per move (create, advance, skip, return, suspend, resume, cancel, archive).
CREATE TABLE stage_events (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  action TEXT NOT NULL,
  from_stage TEXT,
  to_stage TEXT,
  reason_code TEXT,
  reason TEXT,
  user_id TEXT NOT NULL,
  at TEXT NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX stage_events_application ON stage_events (application_id, id);

-- 资料清单 required documents: received / deferred until a stage / waived, mirrored from the record.
CREATE TABLE required_documents (
  application_id INTEGER NOT NULL REFERENCES applications (id),
  code TEXT NOT NULL,
  status TEXT NOT NULL,
  due_stage TEXT,
  reason TEXT,
  change_seq INTEGER NOT NULL,
  PRIMARY KEY (application_id, code)
) WITHOUT ROWID, STRICT;

-- 供电方案 supply-scheme versions; approved versions are immutable (trigger below).
CREATE TABLE supply_scheme_versions (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'superseded')),
  content_json TEXT NOT NULL,
  change_reason TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  approved_by TEXT,
  approved_at TEXT,
  change_seq INTEGER NOT NULL,
  UNIQUE (application_id, version)
) STRICT;
CREATE TRIGGER supply_scheme_versions_immutable BEFORE UPDATE ON supply_scheme_versions
WHEN OLD.status <> 'draft' AND (
  NEW.content_json IS NOT OLD.content_json OR NEW.version IS NOT OLD.version
  OR NEW.application_id IS NOT OLD.application_id OR NEW.approved_by IS NOT OLD.approved_by
  OR NEW.approved_at IS NOT OLD.approved_at OR NEW.change_reason IS NOT OLD.change_reason
  OR NOT (NEW.status = OLD.status OR (OLD.status = 'approved' AND NEW.status = 'superseded'))
)
BEGIN
  SELECT RAISE(ABORT, 'approved supply-scheme versions are immutable');
END;
CREATE TRIGGER supply_scheme_versions_no_delete BEFORE DELETE ON supply_scheme_versions
WHEN OLD.status <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'approved supply-scheme versions cannot be deleted');
END;

-- 供用电合同 contracts, generated only from an approved scheme version.
CREATE TABLE contracts (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  scheme_version_id INTEGER REFERENCES supply_scheme_versions (id),
  template_id TEXT NOT NULL,
  template_version TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'printed', 'signed', 'void')),
  pdf_sha256 TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX contracts_application ON contracts (application_id);

-- Generated files, stored under documents/ by content hash.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  application_id INTEGER REFERENCES applications (id),
  contract_id INTEGER REFERENCES contracts (id),
  kind TEXT NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX documents_application ON documents (application_id);

CREATE TABLE print_log (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id),
  printer TEXT,
  copies INTEGER NOT NULL DEFAULT 1,
  user_id TEXT NOT NULL,
  at TEXT NOT NULL,
  change_seq INTEGER NOT NULL
) STRICT;

-- 审计日志: append-only and hash-chained. diff_json sits right before prev_hash and hash on purpose: the
-- tamper test finds a row by its two hashes in the file and flips a byte of the diff in front of them.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT NOT NULL,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  change_seq INTEGER NOT NULL,
  diff_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused');
END;

CREATE TABLE export_batches (
  id INTEGER PRIMARY KEY,
  batch_no INTEGER NOT NULL UNIQUE,
  from_seq INTEGER NOT NULL,
  to_seq INTEGER NOT NULL,
  file TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

-- Search: trigram FTS over the five searchable fields (queries of 3+ characters), contentless so the text is
-- stored once, in applications; rowid = applications.id.
CREATE VIRTUAL TABLE application_fts USING fts5 (
  number, customer_name, id_number, phone, address,
  content = '', contentless_delete = 1, tokenize = 'trigram'
);
-- 1–2 character queries (a surname such as 王, a name such as 李娜): the trigram index cannot answer them, so
-- every 1- and 2-character substring of the customer name is indexed here.
CREATE TABLE name_grams (
  gram TEXT NOT NULL,
  application_id INTEGER NOT NULL,
  PRIMARY KEY (gram, application_id)
) WITHOUT ROWID, STRICT;
`;
