// Migration 0023: per-group counts for the hall risk detectors that compare a clerk, a company or a class and
// industry with the whole hall (main/services/risk, 读取时全厅扫描), kept by triggers in the transaction of every
// write, so the scan after a change reads these small tables and the groups the change touched, not every
// application (issue 15: a hall of 1,000,000 applications):
// - risk_application_clerks: who accepted each application (its `create` event) and whether it was ever returned,
//   corrected after acceptance or suspended; risk_clerk_counts sums them per clerk (RISK-ACC-05, RISK-TIME-05),
//   risk_clerk_rule_counts counts acknowledged warnings per clerk and rule (RISK-ACC-01);
// - risk_works_parties: each receiving-works party (role, name) with the application date; risk_works_counts
//   counts them per day, role and name (RISK-PRC-01);
// - risk_capacity_counts: how many applications applied for each capacity, per class and industry (RISK-ACC-04's
//   median and MAD come from these counts);
// - risk_dirty_groups: the groups whose members changed since the last hall scan (by subject key), so the scan
//   re-reads the evidence of those groups only; the scan clears it.
// The 0019 update trigger is replaced by one that leaves unchanged side rows alone (an update that does not
// change an application's capacity, works or acknowledgements touches no group).
// Derived data, like 0019: not audited, not exported; filled set-based here before the triggers exist, and
// refilled by `recomputeAll`.

/** Refills the per-group tables from the records, the stage events, the audit log and 0019's side tables. */
export const REBUILD_RISK_GROUPS = /* sql */ `
DELETE FROM risk_application_clerks;
INSERT OR IGNORE INTO risk_application_clerks SELECT * FROM risk_application_clerks_source;
DELETE FROM risk_works_parties;
INSERT INTO risk_works_parties SELECT * FROM risk_works_parties_source;
DELETE FROM risk_clerk_counts;
INSERT INTO risk_clerk_counts
  SELECT user_id, count(*), sum(returned OR corrected), sum(paused) FROM risk_application_clerks GROUP BY user_id;
DELETE FROM risk_clerk_rule_counts;
INSERT INTO risk_clerk_rule_counts
  SELECT c.user_id, coalesce(k.rule_id, ''), count(*) FROM risk_acknowledgements k
  JOIN risk_application_clerks c ON c.application_id = k.application_id GROUP BY 1, 2;
DELETE FROM risk_works_counts;
INSERT INTO risk_works_counts
  SELECT application_date, role, name, count(*) FROM risk_works_parties GROUP BY 1, 2, 3;
DELETE FROM risk_capacity_counts;
INSERT INTO risk_capacity_counts
  SELECT customer_class, industry, kva, count(*) FROM risk_application_facts WHERE kva IS NOT NULL GROUP BY 1, 2, 3;
DELETE FROM risk_dirty_groups;
`;

const CORRECTION = `l.entity = 'application' AND l.action = 'application.update'
  AND json_extract(l.diff_json, '$."correction.reason".after') IS NOT NULL`;

export default /* sql */ `
CREATE VIEW IF NOT EXISTS risk_application_clerks_source AS
  SELECT c.application_id, c.user_id,
    EXISTS (SELECT 1 FROM stage_events r WHERE r.application_id = c.application_id AND r.action = 'return') AS returned,
    EXISTS (SELECT 1 FROM applications a JOIN audit_log l INDEXED BY audit_log_application_update ON l.entity_id = a.number
      WHERE a.id = c.application_id AND ${CORRECTION}) AS corrected,
    EXISTS (SELECT 1 FROM stage_events s WHERE s.application_id = c.application_id AND s.action = 'suspend') AS paused
  FROM stage_events c WHERE c.action = 'create';

CREATE VIEW IF NOT EXISTS risk_works_parties_source AS
  SELECT f.application_id, j.key AS role, json_extract(j.value, '$.name') AS name, f.application_date
  FROM risk_application_facts f, json_each(f.works) j
  WHERE f.works IS NOT NULL AND j.key IN ('designer', 'contractor', 'equipmentSupplier') AND j.type = 'object';

CREATE TABLE IF NOT EXISTS risk_application_clerks (
  application_id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL,
  returned INTEGER NOT NULL,
  corrected INTEGER NOT NULL,
  paused INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS risk_application_clerks_user ON risk_application_clerks (user_id, application_id);
CREATE INDEX IF NOT EXISTS risk_application_clerks_bad ON risk_application_clerks (user_id, application_id)
  WHERE returned OR corrected;
CREATE INDEX IF NOT EXISTS risk_application_clerks_paused ON risk_application_clerks (user_id, application_id)
  WHERE paused;

CREATE TABLE IF NOT EXISTS risk_clerk_counts (
  user_id TEXT PRIMARY KEY,
  accepted INTEGER NOT NULL,
  bad INTEGER NOT NULL,
  paused INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS risk_clerk_rule_counts (
  user_id TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (user_id, rule_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS risk_acknowledgements_rule ON risk_acknowledgements (rule_id, application_id);

CREATE TABLE IF NOT EXISTS risk_works_parties (
  application_id INTEGER NOT NULL,
  role TEXT NOT NULL,
  name ANY,
  application_date TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS risk_works_parties_application ON risk_works_parties (application_id);
CREATE INDEX IF NOT EXISTS risk_works_parties_name ON risk_works_parties (role, name, application_date);

CREATE TABLE IF NOT EXISTS risk_works_counts (
  application_date TEXT NOT NULL,
  role TEXT NOT NULL,
  name ANY,
  n INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS risk_works_counts_key ON risk_works_counts (application_date, role, name);

CREATE TABLE IF NOT EXISTS risk_capacity_counts (
  customer_class TEXT NOT NULL,
  industry ANY,
  kva REAL NOT NULL,
  n INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS risk_capacity_counts_key ON risk_capacity_counts (customer_class, industry, kva);

CREATE TABLE IF NOT EXISTS risk_dirty_groups (
  detector_id TEXT NOT NULL,
  subject_key TEXT NOT NULL,
  PRIMARY KEY (detector_id, subject_key)
) STRICT, WITHOUT ROWID;

${REBUILD_RISK_GROUPS}

-- Who accepted, returned, corrected, suspended.
CREATE TRIGGER IF NOT EXISTS risk_clerks_create AFTER INSERT ON stage_events WHEN NEW.action = 'create' BEGIN
  INSERT OR IGNORE INTO risk_application_clerks
    SELECT * FROM risk_application_clerks_source WHERE application_id = NEW.application_id;
END;
CREATE TRIGGER IF NOT EXISTS risk_clerks_return AFTER INSERT ON stage_events WHEN NEW.action = 'return' BEGIN
  UPDATE risk_application_clerks SET returned = 1 WHERE application_id = NEW.application_id AND returned = 0;
END;
CREATE TRIGGER IF NOT EXISTS risk_clerks_suspend AFTER INSERT ON stage_events WHEN NEW.action = 'suspend' BEGIN
  UPDATE risk_application_clerks SET paused = 1 WHERE application_id = NEW.application_id AND paused = 0;
END;
CREATE TRIGGER IF NOT EXISTS risk_clerks_correction AFTER INSERT ON audit_log
  WHEN NEW.entity = 'application' AND NEW.action = 'application.update'
    AND json_extract(NEW.diff_json, '$."correction.reason".after') IS NOT NULL BEGIN
  UPDATE risk_application_clerks SET corrected = 1
    WHERE application_id IN (SELECT id FROM applications WHERE number = NEW.entity_id) AND corrected = 0;
END;

CREATE TRIGGER IF NOT EXISTS risk_clerk_counts_insert AFTER INSERT ON risk_application_clerks BEGIN
  INSERT INTO risk_clerk_counts VALUES (NEW.user_id, 1, NEW.returned OR NEW.corrected, NEW.paused)
    ON CONFLICT (user_id) DO UPDATE SET accepted = accepted + 1, bad = bad + excluded.bad,
      paused = paused + excluded.paused;
  INSERT INTO risk_clerk_rule_counts
    SELECT NEW.user_id, coalesce(rule_id, ''), count(*) FROM risk_acknowledgements
    WHERE application_id = NEW.application_id GROUP BY 2
    ON CONFLICT (user_id, rule_id) DO UPDATE SET n = n + excluded.n;
  INSERT OR IGNORE INTO risk_dirty_groups
    SELECT 'RISK-ACC-01', 'clerk:' || NEW.user_id || ':' || coalesce(rule_id, '') FROM risk_acknowledgements
    WHERE application_id = NEW.application_id;
  INSERT OR IGNORE INTO risk_dirty_groups SELECT 'RISK-ACC-05', 'clerk:' || NEW.user_id
    WHERE NEW.returned OR NEW.corrected;
  INSERT OR IGNORE INTO risk_dirty_groups SELECT 'RISK-TIME-05', 'clerk:' || NEW.user_id WHERE NEW.paused;
END;
CREATE TRIGGER IF NOT EXISTS risk_clerk_counts_update
  AFTER UPDATE OF returned, corrected, paused ON risk_application_clerks BEGIN
  UPDATE risk_clerk_counts SET bad = bad + (NEW.returned OR NEW.corrected) - (OLD.returned OR OLD.corrected),
    paused = paused + NEW.paused - OLD.paused WHERE user_id = NEW.user_id;
  INSERT OR IGNORE INTO risk_dirty_groups SELECT 'RISK-ACC-05', 'clerk:' || NEW.user_id
    WHERE (NEW.returned OR NEW.corrected) <> (OLD.returned OR OLD.corrected);
  INSERT OR IGNORE INTO risk_dirty_groups SELECT 'RISK-TIME-05', 'clerk:' || NEW.user_id
    WHERE NEW.paused <> OLD.paused;
END;

-- Acknowledged warnings per clerk and rule.
CREATE TRIGGER IF NOT EXISTS risk_clerk_rules_insert AFTER INSERT ON risk_acknowledgements BEGIN
  INSERT INTO risk_clerk_rule_counts
    SELECT user_id, coalesce(NEW.rule_id, ''), 1 FROM risk_application_clerks WHERE application_id = NEW.application_id
    ON CONFLICT (user_id, rule_id) DO UPDATE SET n = n + 1;
  INSERT OR IGNORE INTO risk_dirty_groups
    SELECT 'RISK-ACC-01', 'clerk:' || user_id || ':' || coalesce(NEW.rule_id, '') FROM risk_application_clerks
    WHERE application_id = NEW.application_id;
END;
CREATE TRIGGER IF NOT EXISTS risk_clerk_rules_delete AFTER DELETE ON risk_acknowledgements BEGIN
  UPDATE risk_clerk_rule_counts SET n = n - 1 WHERE rule_id = coalesce(OLD.rule_id, '')
    AND user_id = (SELECT user_id FROM risk_application_clerks WHERE application_id = OLD.application_id);
  DELETE FROM risk_clerk_rule_counts WHERE n = 0 AND rule_id = coalesce(OLD.rule_id, '')
    AND user_id = (SELECT user_id FROM risk_application_clerks WHERE application_id = OLD.application_id);
  INSERT OR IGNORE INTO risk_dirty_groups
    SELECT 'RISK-ACC-01', 'clerk:' || user_id || ':' || coalesce(OLD.rule_id, '') FROM risk_application_clerks
    WHERE application_id = OLD.application_id;
END;

-- Works parties and capacities from 0019's facts.
CREATE TRIGGER IF NOT EXISTS risk_groups_facts_insert AFTER INSERT ON risk_application_facts BEGIN
  INSERT INTO risk_works_parties SELECT * FROM risk_works_parties_source WHERE application_id = NEW.application_id;
  INSERT INTO risk_capacity_counts SELECT NEW.customer_class, NEW.industry, NEW.kva, 0
    WHERE NEW.kva IS NOT NULL AND NOT EXISTS (SELECT 1 FROM risk_capacity_counts
      WHERE customer_class = NEW.customer_class AND industry IS NEW.industry AND kva = NEW.kva);
  UPDATE risk_capacity_counts SET n = n + 1
    WHERE customer_class = NEW.customer_class AND industry IS NEW.industry AND kva = NEW.kva;
END;
CREATE TRIGGER IF NOT EXISTS risk_groups_facts_delete AFTER DELETE ON risk_application_facts BEGIN
  DELETE FROM risk_works_parties WHERE application_id = OLD.application_id;
  UPDATE risk_capacity_counts SET n = n - 1
    WHERE customer_class = OLD.customer_class AND industry IS OLD.industry AND kva = OLD.kva;
  DELETE FROM risk_capacity_counts
    WHERE customer_class = OLD.customer_class AND industry IS OLD.industry AND kva = OLD.kva AND n = 0;
END;
CREATE TRIGGER IF NOT EXISTS risk_works_counts_insert AFTER INSERT ON risk_works_parties BEGIN
  INSERT INTO risk_works_counts SELECT NEW.application_date, NEW.role, NEW.name, 0
    WHERE NOT EXISTS (SELECT 1 FROM risk_works_counts
      WHERE application_date = NEW.application_date AND role = NEW.role AND name IS NEW.name);
  UPDATE risk_works_counts SET n = n + 1
    WHERE application_date = NEW.application_date AND role = NEW.role AND name IS NEW.name;
  INSERT OR IGNORE INTO risk_dirty_groups VALUES ('RISK-PRC-01', NEW.role || ':' || NEW.name);
END;
CREATE TRIGGER IF NOT EXISTS risk_works_counts_delete AFTER DELETE ON risk_works_parties BEGIN
  UPDATE risk_works_counts SET n = n - 1
    WHERE application_date = OLD.application_date AND role = OLD.role AND name IS OLD.name;
  DELETE FROM risk_works_counts
    WHERE application_date = OLD.application_date AND role = OLD.role AND name IS OLD.name AND n = 0;
  INSERT OR IGNORE INTO risk_dirty_groups VALUES ('RISK-PRC-01', OLD.role || ':' || OLD.name);
END;

-- 0019's update trigger, keeping the side rows an update leaves as they were.
DROP TRIGGER IF EXISTS risk_application_facts_update;
CREATE TRIGGER risk_application_facts_update
  AFTER UPDATE OF record_json, status, business_type, customer_class, application_date ON applications BEGIN
  DELETE FROM risk_application_facts WHERE application_id = OLD.id AND NOT EXISTS (
    SELECT 1 FROM risk_application_facts_source s WHERE s.application_id = NEW.id
      AND (s.kva IS NOT NULL OR s.works IS NOT NULL)
      AND (s.application_date, s.customer_class, s.industry, s.kva, s.works) IS
        (risk_application_facts.application_date, risk_application_facts.customer_class,
         risk_application_facts.industry, risk_application_facts.kva, risk_application_facts.works));
  INSERT OR IGNORE INTO risk_application_facts SELECT * FROM risk_application_facts_source
    WHERE application_id = NEW.id AND (kva IS NOT NULL OR works IS NOT NULL);
  DELETE FROM risk_acknowledgements WHERE application_id = OLD.id AND NOT EXISTS (
    SELECT 1 FROM risk_acknowledgements_source s WHERE s.application_id = NEW.id
      AND s.position = risk_acknowledgements.position AND s.rule_id IS risk_acknowledgements.rule_id);
  INSERT OR IGNORE INTO risk_acknowledgements SELECT * FROM risk_acknowledgements_source WHERE application_id = NEW.id;
END;
`;
