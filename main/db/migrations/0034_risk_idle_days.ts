// Migration 0034: the working day on which each in-progress application counts as idle in its stage (RISK-TIME-03
// 环节停滞: N + paused + 1 working days after it entered the stage, by the hall's calendar), indexed, so that the
// first hall risk scan of a day judges 环节停滞 only for the applications whose idle day it passed and those written
// since, instead of walking the calendar for every in-progress application (main/services/risk/idleDays.ts). The
// rows are derived: the hall scan keeps them for the applications written since the last scan and rebuilds them on
// a rescan (a full recompute, or a changed profile or holiday table: the idle days move with the calendar).
export default /* sql */ `
CREATE TABLE IF NOT EXISTS risk_idle_days (
  application_id INTEGER PRIMARY KEY,
  idle_day TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS risk_idle_days_day ON risk_idle_days (idle_day);
-- No idle days yet: the next scan judges every application, as on a hall never scanned, and builds them.
UPDATE risk_state SET scanned_day = NULL WHERE id = 1;
`;
