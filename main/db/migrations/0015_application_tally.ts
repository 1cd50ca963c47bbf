// Migration 0015: application_tally, the number of applications per (business type, stage), kept by triggers in
// the same transaction as every write to applications. The export's summary workbook (main/export/batchSummary.ts)
// counts a hall of any size from it plus the few applications with a running deadline clock, instead of reading
// every application (issue 14: an incremental export within 200 ms on a hall of 1,000,000). Derived data, like the
// search tables: not audited, rebuilt here from applications (so re-running the migration gives the same rows).
export default /* sql */ `
CREATE TABLE IF NOT EXISTS application_tally (
  business_type TEXT NOT NULL,
  stage TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (business_type, stage)
) STRICT, WITHOUT ROWID;

DELETE FROM application_tally;
INSERT INTO application_tally (business_type, stage, n)
  SELECT business_type, stage, count(*) FROM applications GROUP BY business_type, stage;

CREATE TRIGGER IF NOT EXISTS application_tally_insert AFTER INSERT ON applications BEGIN
  INSERT INTO application_tally (business_type, stage, n) VALUES (NEW.business_type, NEW.stage, 1)
    ON CONFLICT (business_type, stage) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS application_tally_update AFTER UPDATE OF business_type, stage ON applications
  WHEN OLD.business_type IS NOT NEW.business_type OR OLD.stage IS NOT NEW.stage BEGIN
  UPDATE application_tally SET n = n - 1 WHERE business_type = OLD.business_type AND stage = OLD.stage;
  INSERT INTO application_tally (business_type, stage, n) VALUES (NEW.business_type, NEW.stage, 1)
    ON CONFLICT (business_type, stage) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS application_tally_delete AFTER DELETE ON applications BEGIN
  UPDATE application_tally SET n = n - 1 WHERE business_type = OLD.business_type AND stage = OLD.stage;
END;
`;
