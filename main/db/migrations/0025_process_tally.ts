// Migration 0025: the process tally (流程分析 and 模拟分析, shared/stats/processTally.ts): counted rows per
// acceptance month, business type and class, summed over applications, so the page and the simulation read a few
// thousand rows instead of the whole stage-event log (7.2 million events, 227 s, on a hall of 1,000,000).
// process_tally_applications remembers what each application contributed (its key and its last event), so a change
// replaces that contribution. Triggers mark an application dirty in the same transaction as any write to its events
// or to its type, class or acceptance date; mutate() folds the dirty ones in before commit
// (main/services/stats/processTallyStore.ts). The rows count working days of one calendar, whose fingerprint
// process_tally_state holds: a NULL or different fingerprint (a new holiday table, or this migration, which leaves
// it NULL) makes the next read rebuild the tally from the log in one pass. A rewritten or deleted stage event does
// the same. Derived data, not audited.
export default /* sql */ `
CREATE TABLE IF NOT EXISTS process_tally (
  month TEXT NOT NULL,
  business_type TEXT NOT NULL,
  time_limit_class TEXT NOT NULL,
  kind TEXT NOT NULL,
  stage TEXT NOT NULL,
  label TEXT NOT NULL,
  x INTEGER NOT NULL,
  y INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (month, business_type, time_limit_class, kind, stage, label, x, y)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS process_tally_applications (
  application_id INTEGER PRIMARY KEY,
  month TEXT NOT NULL,
  business_type TEXT NOT NULL,
  time_limit_class TEXT NOT NULL,
  last_event_id INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS process_tally_dirty (application_id INTEGER PRIMARY KEY) STRICT;

CREATE TABLE IF NOT EXISTS process_tally_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  calendar TEXT
) STRICT;
INSERT INTO process_tally_state (id, calendar) VALUES (1, NULL) ON CONFLICT (id) DO UPDATE SET calendar = NULL;

-- The partial months at the ends of a period filter are read from the log by acceptance date.
CREATE INDEX IF NOT EXISTS applications_accept_date ON applications (accept_date);

CREATE TRIGGER IF NOT EXISTS process_tally_event AFTER INSERT ON stage_events BEGIN
  INSERT OR IGNORE INTO process_tally_dirty (application_id) VALUES (NEW.application_id);
END;

CREATE TRIGGER IF NOT EXISTS process_tally_application AFTER UPDATE OF business_type, time_limit_class, accept_date
  ON applications
  WHEN OLD.business_type IS NOT NEW.business_type OR OLD.time_limit_class IS NOT NEW.time_limit_class
    OR OLD.accept_date IS NOT NEW.accept_date BEGIN
  INSERT OR IGNORE INTO process_tally_dirty (application_id) VALUES (NEW.id);
END;

CREATE TRIGGER IF NOT EXISTS process_tally_event_rewritten AFTER UPDATE ON stage_events BEGIN
  UPDATE process_tally_state SET calendar = NULL;
END;

CREATE TRIGGER IF NOT EXISTS process_tally_event_deleted AFTER DELETE ON stage_events BEGIN
  UPDATE process_tally_state SET calendar = NULL;
END;

CREATE TRIGGER IF NOT EXISTS process_tally_application_deleted AFTER DELETE ON applications BEGIN
  UPDATE process_tally_state SET calendar = NULL;
END;
`;
