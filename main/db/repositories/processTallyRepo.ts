import type { Db } from '../connection';
import { prepared } from '../statements';
import type { HistoryRow } from './statsRepo';

/** A stored tally row (migrations 0025, 0028): shared/stats/processTally.ts TallyRow with its acceptance day. */
export interface ProcessTallyRow {
  day: string;
  business_type: string;
  time_limit_class: string;
  kind: string;
  stage: string;
  label: string;
  x: number;
  y: number;
  n: number;
}

/** What an application last contributed: its key then and the last event folded in. */
export interface TalliedApplicationRow {
  application_id: number;
  day: string;
  business_type: string;
  time_limit_class: string;
  last_event_id: number;
}

export interface TallySourceRow extends HistoryRow {
  event_id: number;
  accept_date: string;
}

const SOURCE = `SELECT e.application_id, e.id AS event_id, a.business_type, a.time_limit_class, a.accept_date, e.action,
         e.from_stage, e.to_stage, e.reason_code, e.user_id, e.at
    FROM stage_events e JOIN applications a ON a.id = e.application_id`;

export const tallyCalendar = (db: Db): string | null =>
  prepared<[], string | null>(db, 'SELECT calendar FROM process_tally_state WHERE id = 1').pluck().get() ?? null;

export const setTallyCalendar = (db: Db, calendar: string): void => {
  prepared(db, 'UPDATE process_tally_state SET calendar = ? WHERE id = 1').run(calendar);
};

export const dirtyApplications = (db: Db): number[] =>
  prepared<[], number>(db, 'SELECT application_id FROM process_tally_dirty').pluck().all();

export const hasDirtyApplications = (db: Db): boolean =>
  prepared<[], number>(db, 'SELECT EXISTS (SELECT 1 FROM process_tally_dirty)').pluck().get() === 1;

export const clearDirty = (db: Db): void => {
  prepared(db, 'DELETE FROM process_tally_dirty').run();
};

/** The stage events of one application with its current type, class and acceptance date, in event order. */
export const tallySourceOf = (db: Db, applicationId: number): TallySourceRow[] =>
  prepared<[number], TallySourceRow>(db, `${SOURCE} WHERE e.application_id = ? ORDER BY e.id`).all(applicationId);

/** The stage events of applications [from, to] (by id), in application and event order (a rebuild's chunk). */
export const tallySourceOfRange = (db: Db, from: number, to: number): TallySourceRow[] =>
  prepared<[number, number], TallySourceRow>(
    db,
    `${SOURCE} WHERE e.application_id BETWEEN ? AND ? ORDER BY e.application_id, e.id`,
  ).all(from, to);

/** The lowest and highest application id with stage events. */
export const tallySourceIds = (db: Db): { low: number | null; high: number | null } =>
  prepared<[], { low: number | null; high: number | null }>(
    db,
    'SELECT min(application_id) AS low, max(application_id) AS high FROM stage_events',
  ).get() ?? { low: null, high: null };

export const talliedApplication = (db: Db, applicationId: number): TalliedApplicationRow | undefined =>
  prepared<[number], TalliedApplicationRow>(
    db,
    'SELECT * FROM process_tally_applications WHERE application_id = ?',
  ).get(applicationId);

export const saveTalliedApplication = (db: Db, row: TalliedApplicationRow): void => {
  prepared(
    db,
    `INSERT INTO process_tally_applications (application_id, day, business_type, time_limit_class, last_event_id)
     VALUES (@application_id, @day, @business_type, @time_limit_class, @last_event_id)
     ON CONFLICT (application_id) DO UPDATE SET day = excluded.day, business_type = excluded.business_type,
       time_limit_class = excluded.time_limit_class, last_event_id = excluded.last_event_id`,
  ).run(row);
};

const addTo = (table: string, column: string) =>
  `INSERT INTO ${table} (${column}, business_type, time_limit_class, kind, stage, label, x, y, n)
   VALUES (@${column}, @business_type, @time_limit_class, @kind, @stage, @label, @x, @y, @n)
   ON CONFLICT (${column}, business_type, time_limit_class, kind, stage, label, x, y) DO UPDATE SET n = n + excluded.n`;

/**
 * The month of process_tally's rows that sum every acceptance month (migration 0039): the whole history, which
 * 流程分析 opens with, reads these few thousand rows instead of summing every month's (98,159 rows at 1,000,000).
 * Below '0000-01', so no range of months includes it.
 */
export const ALL_MONTHS = '*';

/** Adds `n` (negative to take away) to a tally row, in its day, in its month and in all months. */
export const addTallyRow = (db: Db, row: ProcessTallyRow): void => {
  const params = { ...row, month: row.day.slice(0, 7) };
  prepared(db, addTo('process_tally_day', 'day')).run(params);
  prepared(db, addTo('process_tally', 'month')).run(params);
  prepared(db, addTo('process_tally', 'month')).run({ ...params, month: ALL_MONTHS });
};

/** Rows per statement of a set insert (each a JSON array of rows). */
const SET_SIZE = 5000;

function inSets<T>(rows: readonly T[], run: (json: string) => void): void {
  for (let i = 0; i < rows.length; i += SET_SIZE) run(JSON.stringify(rows.slice(i, i + SET_SIZE)));
}

/**
 * Which tables a rebuild fills: the live ones (a migration, in its transaction) or the *_next ones that a
 * background rebuild swaps in at its end (migration 0031).
 */
export type TallyTables = '' | '_next';

/** Adds day or month rows (`n` to each row's sum; `day` holds the period, or ALL_MONTHS), a set per statement. */
export const addTallyRows = (
  db: Db,
  period: 'day' | 'month',
  rows: readonly ProcessTallyRow[],
  into: TallyTables = '',
): void => {
  const statement = prepared(
    db,
    `INSERT INTO ${period === 'day' ? 'process_tally_day' : 'process_tally'}${into}
       (${period}, business_type, time_limit_class, kind, stage, label, x, y, n)
     SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7,
            value ->> 8
       FROM json_each(?) WHERE true
     ON CONFLICT (${period}, business_type, time_limit_class, kind, stage, label, x, y) DO UPDATE SET n = n + excluded.n`,
  );
  inSets(
    rows.map((r) => [r.day, r.business_type, r.time_limit_class, r.kind, r.stage, r.label, r.x, r.y, r.n]),
    (json) => statement.run(json),
  );
};

/** What each application contributed, a set per statement. */
export const insertTalliedApplications = (
  db: Db,
  rows: readonly TalliedApplicationRow[],
  into: TallyTables = '',
): void => {
  const statement = prepared(
    db,
    `INSERT INTO process_tally_applications${into} (application_id, day, business_type, time_limit_class, last_event_id)
     SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?)`,
  );
  inSets(
    rows.map((r) => [r.application_id, r.day, r.business_type, r.time_limit_class, r.last_event_id]),
    (json) => statement.run(json),
  );
};

/** Empties the tables a rebuild fills (and, for the live ones, the applications left to fold). */
export const clearTally = (db: Db, tables: TallyTables = ''): void => {
  db.exec(`DELETE FROM process_tally${tables}; DELETE FROM process_tally_day${tables};
    DELETE FROM process_tally_applications${tables}; ${tables === '' ? 'DELETE FROM process_tally_dirty' : ''}`);
};

/** The *_next tables become the live ones and the old live ones the (emptied) *_next: renames, not copies. */
export const swapInNextTally = (db: Db): void => {
  for (const table of ['process_tally', 'process_tally_day', 'process_tally_applications']) {
    db.exec(`ALTER TABLE ${table} RENAME TO ${table}_old; ALTER TABLE ${table}_next RENAME TO ${table};
      ALTER TABLE ${table}_old RENAME TO ${table}_next`);
  }
  clearTally(db, '_next');
};

/** How many stage events and applications were rewritten or deleted so far (migration 0031's triggers). */
export const tallyRewrites = (db: Db): number =>
  prepared<[], number>(db, 'SELECT rewrites FROM process_tally_state WHERE id = 1').pluck().get() ?? 0;

export type SummedTallyRow = Omit<ProcessTallyRow, 'day'>;

const TALLY_COLUMNS = 'business_type, time_limit_class, kind, stage, label, x, y';

/** A range that matches no month or day (both bounds of a BETWEEN). */
const NOTHING: readonly [string, string] = ['1', '0'];

/** The tally summed over every acceptance month: the stored ALL_MONTHS rows, a search of the key's first column. */
export const TALLY_OF_ALL_MONTHS = `SELECT ${TALLY_COLUMNS}, n FROM process_tally WHERE month = ? AND n <> 0`;

export const tallyOfAllMonths = (db: Db): SummedTallyRow[] =>
  prepared<[string], SummedTallyRow>(db, TALLY_OF_ALL_MONTHS).all(ALL_MONTHS);

/**
 * The tally summed over whole acceptance months (YYYY-MM, the month rows) and at most two ranges of acceptance
 * days (YYYY-MM-DD, the day rows: a period's partial months), in one statement: one sum per key, no merging after.
 */
export function tallyOfPeriod(
  db: Db,
  months: readonly [string, string] | null,
  days: readonly (readonly [string, string])[],
): SummedTallyRow[] {
  if (days.length > 2) throw new Error(`tallyOfPeriod: at most two ranges of days, got ${days.length}`);
  const [first = NOTHING, second = NOTHING] = days;
  return prepared<string[], SummedTallyRow>(
    db,
    `SELECT ${TALLY_COLUMNS}, sum(n) AS n FROM (
       SELECT ${TALLY_COLUMNS}, n FROM process_tally WHERE month BETWEEN ? AND ?
       UNION ALL SELECT ${TALLY_COLUMNS}, n FROM process_tally_day WHERE day BETWEEN ? AND ?
       UNION ALL SELECT ${TALLY_COLUMNS}, n FROM process_tally_day WHERE day BETWEEN ? AND ?)
     GROUP BY ${TALLY_COLUMNS} HAVING sum(n) <> 0`,
  ).all(...(months ?? NOTHING), ...first, ...second);
}
