import type { Db } from '../connection';
import { prepared } from '../statements';
import type { HistoryRow } from './statsRepo';

/** A stored tally row (migration 0025): shared/stats/processTally.ts TallyRow with its acceptance month. */
export interface ProcessTallyRow {
  month: string;
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
  month: string;
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

/** Every stage event with its application's key, in application and event order (the rebuild's one pass). */
export const allTallySource = (db: Db): IterableIterator<TallySourceRow> =>
  prepared<[], TallySourceRow>(db, `${SOURCE} ORDER BY e.application_id, e.id`).iterate();

export const talliedApplication = (db: Db, applicationId: number): TalliedApplicationRow | undefined =>
  prepared<[number], TalliedApplicationRow>(
    db,
    'SELECT * FROM process_tally_applications WHERE application_id = ?',
  ).get(applicationId);

export const saveTalliedApplication = (db: Db, row: TalliedApplicationRow): void => {
  prepared(
    db,
    `INSERT INTO process_tally_applications (application_id, month, business_type, time_limit_class, last_event_id)
     VALUES (@application_id, @month, @business_type, @time_limit_class, @last_event_id)
     ON CONFLICT (application_id) DO UPDATE SET month = excluded.month, business_type = excluded.business_type,
       time_limit_class = excluded.time_limit_class, last_event_id = excluded.last_event_id`,
  ).run(row);
};

/** Adds `n` (negative to take away) to a tally row. */
export const addTallyRow = (db: Db, row: ProcessTallyRow): void => {
  prepared(
    db,
    `INSERT INTO process_tally (month, business_type, time_limit_class, kind, stage, label, x, y, n)
     VALUES (@month, @business_type, @time_limit_class, @kind, @stage, @label, @x, @y, @n)
     ON CONFLICT (month, business_type, time_limit_class, kind, stage, label, x, y) DO UPDATE SET n = n + excluded.n`,
  ).run(row);
};

export const clearTally = (db: Db): void => {
  db.exec('DELETE FROM process_tally; DELETE FROM process_tally_applications; DELETE FROM process_tally_dirty');
};

/** The tally summed over acceptance months [from, to] (YYYY-MM), per business type and class. */
export const tallyOfMonths = (db: Db, from: string, to: string): Omit<ProcessTallyRow, 'month'>[] =>
  prepared<[string, string], Omit<ProcessTallyRow, 'month'>>(
    db,
    `SELECT business_type, time_limit_class, kind, stage, label, x, y, sum(n) AS n FROM process_tally
      WHERE month BETWEEN ? AND ?
      GROUP BY business_type, time_limit_class, kind, stage, label, x, y HAVING sum(n) <> 0`,
  ).all(from, to);
