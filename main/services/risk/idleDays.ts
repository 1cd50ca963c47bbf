/**
 * The day each in-progress application counts as idle in its stage (RISK-TIME-03 环节停滞), kept in
 * risk_idle_days (migration 0034): N + paused + 1 working days after it entered the stage. Only an application
 * written since or one whose idle day the date passed can change its 环节停滞 state on a new day; the hall scan
 * keeps the rows of the applications written since the last scan and rebuilds them all on a rescan (a full
 * recompute, or a changed profile or holiday table, which moves the idle days with the calendar).
 */
import type { Stage } from '../../../shared/domain/codes';
import { CUSTOMER_TIME_STAGES } from '../../../shared/workflow/timeLimits';
import { prepared } from '../../db/statements';
import type { DetectorInput } from './detector';

interface StageRow {
  id: number;
  stage: Stage;
  stage_start_date: string;
  stage_paused_wd: number;
}

const STAGE_ROWS = `SELECT id, stage, stage_start_date, stage_paused_wd FROM applications WHERE status = 'ACTIVE'`;

/** Writes the idle days of these in-progress applications (a hall stage, not suspended). */
function writeIdleDays(input: DetectorInput, rows: Iterable<StageRow>): void {
  const { calendar, thresholds, db } = input;
  const insert = prepared<[number, string]>(db, 'INSERT INTO risk_idle_days (application_id, idle_day) VALUES (?, ?)');
  // Many applications entered their stage on the same day: one walk of the calendar per day and pause.
  const days = new Map<string, string>();
  for (const row of rows) {
    if (CUSTOMER_TIME_STAGES.has(row.stage)) continue;
    const key = `${row.stage_start_date}|${row.stage_paused_wd}`;
    let day = days.get(key);
    if (day === undefined) {
      day = calendar.addWorkdays(row.stage_start_date, thresholds.idleWorkdays + row.stage_paused_wd + 1);
      days.set(key, day);
    }
    insert.run(row.id, day);
  }
}

/** Every application's idle day again, under the configuration in force. */
export function rebuildIdleDays(input: DetectorInput): void {
  prepared(input.db, 'DELETE FROM risk_idle_days').run();
  writeIdleDays(input, prepared<[], StageRow>(input.db, STAGE_ROWS).all());
}

/** The idle days of these applications (written since the last scan) from their rows as they are now. */
export function refreshIdleDays(input: DetectorInput, applicationIds: readonly number[]): void {
  if (applicationIds.length === 0) return;
  const list = JSON.stringify(applicationIds);
  prepared<[string]>(
    input.db,
    'DELETE FROM risk_idle_days WHERE application_id IN (SELECT value FROM json_each(?))',
  ).run(list);
  writeIdleDays(
    input,
    prepared<[string], StageRow>(input.db, `${STAGE_ROWS} AND id IN (SELECT value FROM json_each(?))`).all(list),
  );
}
