// Migration 0019: the few record fields three hall risk detectors scan (main/services/risk, 读取时全厅扫描), kept in
// narrow side tables by triggers in the same transaction as every write to applications, so a scan after a change
// reads them instead of every application's record JSON (issue 15: a hall of 1,000,000 applications):
// - risk_application_facts: the applied capacity of new and increase applications (RISK-ACC-04, with the class and
//   industry it is compared within) and the receiving works' parties with the application date (RISK-PRC-01);
//   a row only for a non-cancelled application that has either;
// - risk_acknowledgements: one row per acknowledged warning (RISK-ACC-01).
// Each table's content is defined once, by a view over applications; the triggers and the rebuild below copy
// from it. Derived data, like application_tally (0015): not audited, not exported; rebuilt here, so re-running
// the migration gives the same rows.

/** Refills both tables from their views (this migration; `recomputeAll`, which repairs derived rows). */
export const REBUILD_RISK_FACTS = /* sql */ `
DELETE FROM risk_application_facts;
INSERT INTO risk_application_facts
  SELECT * FROM risk_application_facts_source WHERE kva IS NOT NULL OR works IS NOT NULL;
DELETE FROM risk_acknowledgements;
INSERT INTO risk_acknowledgements SELECT * FROM risk_acknowledgements_source;
`;

export default /* sql */ `
CREATE VIEW IF NOT EXISTS risk_application_facts_source AS
  SELECT id AS application_id, application_date, customer_class,
    json_extract(record_json, '$.industryCode') AS industry,
    CASE WHEN business_type IN ('NEW_LVR', 'NEW_LVN', 'NEW_HV', 'NEW_BATCH', 'NEW_TEMP', 'INC_LVR', 'INC_LVN', 'INC_HV')
      AND coalesce(json_extract(record_json, '$.requestedCapacityKva'), json_extract(record_json, '$.requestedCapacityKw')) > 0
      THEN coalesce(json_extract(record_json, '$.requestedCapacityKva'), json_extract(record_json, '$.requestedCapacityKw'))
    END AS kva,
    json_extract(record_json, '$.customerWorks') AS works
  FROM applications WHERE status <> 'CANCELLED';

CREATE VIEW IF NOT EXISTS risk_acknowledgements_source AS
  SELECT a.id AS application_id, CAST(j.key AS INTEGER) AS position, json_extract(j.value, '$.ruleId') AS rule_id
  FROM applications a, json_each(a.record_json, '$.acknowledgements') j;

CREATE TABLE IF NOT EXISTS risk_application_facts (
  application_id INTEGER PRIMARY KEY,
  application_date TEXT NOT NULL,
  customer_class TEXT NOT NULL,
  industry ANY,
  kva REAL,
  works TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS risk_application_facts_capacity ON risk_application_facts (customer_class, industry, kva)
  WHERE kva IS NOT NULL;
CREATE INDEX IF NOT EXISTS risk_application_facts_works ON risk_application_facts (application_date, works)
  WHERE works IS NOT NULL;

CREATE TABLE IF NOT EXISTS risk_acknowledgements (
  application_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  rule_id ANY,
  PRIMARY KEY (application_id, position)
) STRICT, WITHOUT ROWID;

${REBUILD_RISK_FACTS}
CREATE TRIGGER IF NOT EXISTS risk_application_facts_insert AFTER INSERT ON applications BEGIN
  INSERT INTO risk_application_facts SELECT * FROM risk_application_facts_source
    WHERE application_id = NEW.id AND (kva IS NOT NULL OR works IS NOT NULL);
  INSERT INTO risk_acknowledgements SELECT * FROM risk_acknowledgements_source WHERE application_id = NEW.id;
END;

CREATE TRIGGER IF NOT EXISTS risk_application_facts_update
  AFTER UPDATE OF record_json, status, business_type, customer_class, application_date ON applications BEGIN
  DELETE FROM risk_application_facts WHERE application_id = OLD.id;
  INSERT INTO risk_application_facts SELECT * FROM risk_application_facts_source
    WHERE application_id = NEW.id AND (kva IS NOT NULL OR works IS NOT NULL);
  DELETE FROM risk_acknowledgements WHERE application_id = OLD.id;
  INSERT INTO risk_acknowledgements SELECT * FROM risk_acknowledgements_source WHERE application_id = NEW.id;
END;

CREATE TRIGGER IF NOT EXISTS risk_application_facts_delete AFTER DELETE ON applications BEGIN
  DELETE FROM risk_application_facts WHERE application_id = OLD.id;
  DELETE FROM risk_acknowledgements WHERE application_id = OLD.id;
END;
`;
