// Migration 0028: the process tally per acceptance day too (process_tally_day, the same rows as process_tally with
// the day instead of the month), so that a 流程分析 period starting or ending mid-month reads its partial months
// from stored day sums instead of the stage-event log (32–64 s on a hall of 1,000,000). process_tally_applications
// now remembers an application's acceptance day, from which its month follows. Both tables are kept by mutate()'s
// fold (main/services/stats/processTallyStore.ts); migration 0029 builds them from the log.
export default /* sql */ `
CREATE TABLE IF NOT EXISTS process_tally_day (
  day TEXT NOT NULL,
  business_type TEXT NOT NULL,
  time_limit_class TEXT NOT NULL,
  kind TEXT NOT NULL,
  stage TEXT NOT NULL,
  label TEXT NOT NULL,
  x INTEGER NOT NULL,
  y INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (day, business_type, time_limit_class, kind, stage, label, x, y)
) STRICT, WITHOUT ROWID;

DROP TABLE process_tally_applications;
CREATE TABLE process_tally_applications (
  application_id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  business_type TEXT NOT NULL,
  time_limit_class TEXT NOT NULL,
  last_event_id INTEGER NOT NULL
) STRICT;

DELETE FROM process_tally;
DELETE FROM process_tally_dirty;
UPDATE process_tally_state SET calendar = NULL;
`;
