// Migration 0038: 客户画像's suggestions and leads stored, not derived on every read (issue 15: "store the
// suggestion"; deriving every suggestion of a hall of 1,000,000 applications took 107-128 s per 建议与潜在客户).
// Derived data like the risk flags (migration 0012): not audited, not exported, rebuilt from the applications
// (main/services/portrait/suggestionStore.ts); the outcomes staff record stay in suggestion_outcomes (0014).
// - portrait_suggestions: one row per suggestion in force (kind, subject), the suggestion as derived, and the
//   kind's place in the list; portrait_suggestion_customers names the customers each one concerns (a portrait's
//   suggestions by index).
// - portrait_members: per customer, what the lead rules read of it (its latest application's legal
//   representative, address prefix and industry, whether it has anything open, its open new connections and
//   increases), so a lead group is derived from its members' rows, not from all their applications (an industry
//   has tens of thousands of applications at 1,000,000).
// - portrait_dirty: the customers and addresses whose applications were written since the last derivation, noted
//   by triggers in the transaction of every write (the old address too, when it changed), like risk_dirty_groups
//   (0023): the next read re-derives only their groups. ON CONFLICT DO NOTHING, not OR IGNORE: an outer upsert
//   (customers) imposes its own conflict policy on a trigger's OR IGNORE.
// - portrait_state: when the store was built (NULL until the first build), under which thresholds, and the day
//   its date windows were last moved to.
// Migration 0037's two indexes on the record served the derivation per customer group only: dropped.
export default /* sql */ `
CREATE TABLE IF NOT EXISTS portrait_suggestions (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  subject_key TEXT NOT NULL,
  kind_rank INTEGER NOT NULL,
  suggestion_json TEXT NOT NULL,
  UNIQUE (kind, subject_key)
) STRICT;
CREATE INDEX IF NOT EXISTS portrait_suggestions_list ON portrait_suggestions (kind_rank, subject_key);

CREATE TABLE IF NOT EXISTS portrait_suggestion_customers (
  customer_id INTEGER NOT NULL,
  suggestion_id INTEGER NOT NULL REFERENCES portrait_suggestions (id) ON DELETE CASCADE,
  PRIMARY KEY (customer_id, suggestion_id)
) WITHOUT ROWID, STRICT;
CREATE INDEX IF NOT EXISTS portrait_suggestion_customers_suggestion
  ON portrait_suggestion_customers (suggestion_id, customer_id);

CREATE TABLE IF NOT EXISTS portrait_members (
  customer_id INTEGER PRIMARY KEY,
  first_application_id INTEGER NOT NULL,
  legal_rep_id ANY,
  business_prefix ANY,
  industry_code ANY,
  open INTEGER NOT NULL,
  growth_latest TEXT,
  member_json TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS portrait_members_rep_idle
  ON portrait_members (legal_rep_id, open, first_application_id) WHERE legal_rep_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS portrait_members_rep_growth
  ON portrait_members (legal_rep_id, growth_latest) WHERE legal_rep_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS portrait_members_prefix_idle
  ON portrait_members (business_prefix, open, first_application_id) WHERE business_prefix IS NOT NULL;
CREATE INDEX IF NOT EXISTS portrait_members_prefix_growth
  ON portrait_members (business_prefix, growth_latest) WHERE business_prefix IS NOT NULL;
CREATE INDEX IF NOT EXISTS portrait_members_industry_idle
  ON portrait_members (industry_code, open, first_application_id) WHERE industry_code IS NOT NULL;
CREATE INDEX IF NOT EXISTS portrait_members_industry_growth
  ON portrait_members (industry_code, growth_latest) WHERE industry_code IS NOT NULL;
CREATE INDEX IF NOT EXISTS portrait_members_growth ON portrait_members (growth_latest) WHERE growth_latest IS NOT NULL;

CREATE TABLE IF NOT EXISTS portrait_dirty (key TEXT PRIMARY KEY) WITHOUT ROWID, STRICT;

CREATE TABLE IF NOT EXISTS portrait_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  built_at TEXT,
  config TEXT,
  day TEXT
) STRICT;
INSERT OR IGNORE INTO portrait_state (id) VALUES (1);

CREATE TRIGGER IF NOT EXISTS portrait_dirty_application_insert AFTER INSERT ON applications BEGIN
  INSERT INTO portrait_dirty VALUES ('customer:' || NEW.customer_id), ('address:' || NEW.address) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER IF NOT EXISTS portrait_dirty_application_update AFTER UPDATE OF customer_id, customer_name, address,
  business_type, customer_class, status, application_date, record_json ON applications BEGIN
  INSERT INTO portrait_dirty VALUES ('customer:' || OLD.customer_id), ('customer:' || NEW.customer_id),
    ('address:' || OLD.address), ('address:' || NEW.address) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER IF NOT EXISTS portrait_dirty_application_delete AFTER DELETE ON applications BEGIN
  INSERT INTO portrait_dirty VALUES ('customer:' || OLD.customer_id), ('address:' || OLD.address) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER IF NOT EXISTS portrait_dirty_customer_kind AFTER UPDATE OF kind ON customers BEGIN
  INSERT INTO portrait_dirty VALUES ('customer:' || NEW.id) ON CONFLICT DO NOTHING;
END;

DROP INDEX IF EXISTS applications_legal_rep;
DROP INDEX IF EXISTS applications_industry;
`;
