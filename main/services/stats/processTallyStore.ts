/**
 * The stored process tally (migration 0025, shared/stats/processTally.ts): kept in the writing transaction by
 * mutate(), read by 流程分析 and 模拟分析. A report from it equals the report computed from the stage-event log
 * (test/integration/stats/processTallyStore.test.ts compares them after random changes).
 */
import { createHash } from 'node:crypto';
import type { StatsFilter } from '../../../shared/api/stats';
import { addDays, type WorkdayCalendar } from '../../../shared/calendar/calendar';
import { addMonths } from '../../../shared/calendar/isoDate';
import type { BusinessType, TimeLimitClass } from '../../../shared/domain/codes';
import { stageVisits, type ApplicationHistory } from '../../../shared/stats/history';
import { tallyOfHistories } from '../../../shared/stats/processAnalysis';
import { tallyKey, tallyOf, type TallyKind, type TallyRow } from '../../../shared/stats/processTally';
import type { Db } from '../../db/connection';
import {
  ALL_MONTHS,
  addTallyRows,
  addTallyRow,
  clearDirty,
  clearTally,
  dirtyApplications,
  hasDirtyApplications,
  insertTalliedApplications,
  saveTalliedApplication,
  setTallyCalendar,
  talliedApplication,
  tallyCalendar,
  swapInNextTally,
  tallyRewrites,
  type TallyTables,
  tallyOfAllMonths,
  tallyOfPeriod,
  tallySourceIds,
  tallySourceOf,
  tallySourceOfRange,
  type ProcessTallyRow,
  type TallySourceRow,
  type TalliedApplicationRow,
} from '../../db/repositories/processTallyRepo';
import { historiesOf, loadHistories } from './histories';

/** The calendar's working days over these years decide every stored count: equal bitmaps, equal tallies. */
const FINGERPRINT_FROM = '2000-01-01';
const FINGERPRINT_TO = '2060-12-31';
const fingerprints = new WeakMap<WorkdayCalendar, string>();

export function calendarFingerprint(calendar: WorkdayCalendar): string {
  let fingerprint = fingerprints.get(calendar);
  if (fingerprint === undefined) {
    let bits = '';
    for (let d = FINGERPRINT_FROM; d <= FINGERPRINT_TO; d = addDays(d, 1)) bits += calendar.isWorkday(d) ? '1' : '0';
    fingerprint = createHash('sha256').update(bits).digest('hex');
    fingerprints.set(calendar, fingerprint);
  }
  return fingerprint;
}

const monthOf = (date: string) => date.slice(0, 7);

function stored(row: TallyRow, day: string, sign = 1): ProcessTallyRow {
  return {
    day,
    business_type: row.businessType,
    time_limit_class: row.timeLimitClass,
    kind: row.kind,
    stage: row.stage,
    label: row.label,
    x: row.x,
    y: row.y,
    n: sign * row.n,
  };
}

/** An application's rows from its event rows (all of one application, in event order). */
function rowsOfSource(source: readonly TallySourceRow[], calendar: WorkdayCalendar): TallyRow[] {
  const [history] = historiesOf(source) as [ApplicationHistory];
  return tallyOf({ ...history, visits: stageVisits(history, calendar) });
}

/** Replaces what each application contributed by what it contributes now. */
function refreshApplications(db: Db, ids: readonly number[], calendar: WorkdayCalendar): void {
  for (const id of ids) {
    const before = talliedApplication(db, id);
    const source = tallySourceOf(db, id);
    if (before) {
      const then = source
        .filter((e) => e.event_id <= before.last_event_id)
        .map((e) => ({ ...e, business_type: before.business_type, time_limit_class: before.time_limit_class }));
      if (then.length > 0) for (const row of rowsOfSource(then, calendar)) addTallyRow(db, stored(row, before.day, -1));
    }
    const last = source.at(-1);
    if (!last) continue;
    for (const row of rowsOfSource(source, calendar)) addTallyRow(db, stored(row, last.accept_date));
    saveTalliedApplication(db, {
      application_id: id,
      day: last.accept_date,
      business_type: last.business_type,
      time_limit_class: last.time_limit_class,
      last_event_id: last.event_id,
    });
  }
}

/** Application ids read, and summed in memory, before their day rows are added to the store. */
const REBUILD_CHUNK = 20_000;

/** The first ids of the ranges of `chunk` application ids that have stage events. */
function chunkStarts(db: Db, chunk: number): number[] {
  const { low, high } = tallySourceIds(db);
  const starts: number[] = [];
  for (let from = low ?? 1; high !== null && from <= high; from += chunk) starts.push(from);
  return starts;
}

interface ChunkRows {
  days: ProcessTallyRow[];
  months: ProcessTallyRow[];
  applications: TalliedApplicationRow[];
}

/**
 * The rows of applications [from, from + chunk), summed per day, per month (`day` holds YYYY-MM) and over all
 * months (ALL_MONTHS) and key, and what each application contributed. One SELECT: a consistent snapshot, so it may run outside the writing
 * transaction (what is written after it stays marked dirty and is folded later).
 */
function chunkRows(db: Db, calendar: WorkdayCalendar, from: number, chunk: number): ChunkRows {
  const days = new Map<string, ProcessTallyRow>();
  const months = new Map<string, ProcessTallyRow>();
  const add = (sums: Map<string, ProcessTallyRow>, period: string, row: TallyRow) => {
    const key = `${period}|${tallyKey(row)}`;
    const sum = sums.get(key);
    if (sum) sum.n += row.n;
    else sums.set(key, stored(row, period));
  };
  const applications = historySlices(tallySourceOfRange(db, from, from + chunk - 1)).map((source) => {
    const last = source.at(-1) as TallySourceRow;
    for (const row of rowsOfSource(source, calendar)) {
      add(days, last.accept_date, row);
      add(months, monthOf(last.accept_date), row);
      add(months, ALL_MONTHS, row);
    }
    return {
      application_id: last.application_id,
      day: last.accept_date,
      business_type: last.business_type,
      time_limit_class: last.time_limit_class,
      last_event_id: last.event_id,
    };
  });
  return { days: [...days.values()], months: [...months.values()], applications };
}

function addChunk(db: Db, rows: ChunkRows, into: TallyTables): void {
  addTallyRows(db, 'day', rows.days, into);
  addTallyRows(db, 'month', rows.months, into);
  insertTalliedApplications(db, rows.applications, into);
}

/**
 * The whole tally again from the log, in the caller's transaction (migration 0029; a read with no background
 * rebuilder): per range of application ids, their rows summed per day, month and key and added as sets.
 */
export function rebuildTally(db: Db, calendar: WorkdayCalendar, chunk = REBUILD_CHUNK): void {
  clearTally(db);
  for (const from of chunkStarts(db, chunk)) addChunk(db, chunkRows(db, calendar, from, chunk), '');
  setTallyCalendar(db, calendarFingerprint(calendar));
}

/** Applications per step of the background rebuild: each step's write holds writers for a fraction of a second. */
const BACKGROUND_CHUNK = 2_000;

/**
 * The whole tally again in the background (after a calendar change, migration 0031): each range of applications
 * read outside any transaction and written in its own short one into the *_next tables, `pause` between them so
 * that the process serves requests and writers are not held. The end swaps the new tables in and folds the
 * applications written meanwhile (they stayed marked). False, and nothing swapped, when stage events or
 * applications were rewritten or deleted meanwhile (the next run starts again).
 */
export async function rebuildTallyInSteps(
  db: Db,
  calendar: WorkdayCalendar,
  pause: () => Promise<void>,
  chunk = BACKGROUND_CHUNK,
): Promise<boolean> {
  const rewrites = db.transaction(() => {
    clearTally(db, '_next');
    return tallyRewrites(db);
  })();
  for (const from of chunkStarts(db, chunk)) {
    await pause();
    const rows = chunkRows(db, calendar, from, chunk);
    db.transaction(() => addChunk(db, rows, '_next')).immediate();
  }
  await pause();
  return db
    .transaction(() => {
      if (tallyRewrites(db) !== rewrites) return false;
      swapInNextTally(db);
      setTallyCalendar(db, calendarFingerprint(calendar));
      foldDirtyApplications(db, calendar);
      return true;
    })
    .immediate();
}

/** Connections whose process runs the background rebuild (tallyRebuild.ts): their reads never rebuild. */
const rebuiltInBackground = new WeakSet<Db>();

export const rebuildInBackground = (db: Db): void => {
  rebuiltInBackground.add(db);
};

/** The tally counts in another calendar and a background rebuild will replace it: reads show it meanwhile. */
export const tallyRecalculating = (db: Db, calendar: WorkdayCalendar): boolean =>
  rebuiltInBackground.has(db) && !db.readonly && tallyCalendar(db) !== calendarFingerprint(calendar);

/** Event rows in application order, cut into one slice per application. */
function historySlices(rows: readonly TallySourceRow[]): TallySourceRow[][] {
  const slices: TallySourceRow[][] = [];
  for (const row of rows) {
    const slice = slices.at(-1);
    if (slice?.[0]?.application_id === row.application_id) slice.push(row);
    else slices.push([row]);
  }
  return slices;
}

/**
 * In the writing transaction (mutate's end): folds the applications written since into the tally, when it counts
 * in this calendar. Otherwise they stay marked until the rebuild (a read's, or the background one) folds them.
 */
export function foldDirtyApplications(db: Db, calendar: WorkdayCalendar): void {
  if (tallyCalendar(db) !== calendarFingerprint(calendar) || !hasDirtyApplications(db)) return;
  refreshApplications(db, dirtyApplications(db), calendar);
  clearDirty(db);
}

/**
 * Brings the tally up to date for a read: folds applications written outside mutate(), or rebuilds it when it
 * counts in another calendar, unless a background rebuild will (then the last tally is read meanwhile). False
 * when it is stale and the folder is read-only.
 */
function freshTally(db: Db, calendar: WorkdayCalendar): boolean {
  const fingerprint = calendarFingerprint(calendar);
  const current = tallyCalendar(db) === fingerprint;
  if (current && !hasDirtyApplications(db)) return true;
  if (db.readonly) return false;
  if (tallyRecalculating(db, calendar)) return true;
  db.transaction(() => (current ? foldDirtyApplications(db, calendar) : rebuildTally(db, calendar))).immediate();
  return true;
}

const lastDayOf = (month: string) => addDays(addMonths(`${month}-01`, 1), -1);
const nextMonth = (month: string) => monthOf(addMonths(`${month}-01`, 1));
const previousMonth = (month: string) => monthOf(addMonths(`${month}-01`, -1));

/** A period as whole months (read from the month rows) and the partial months at its ends (from the day rows). */
export function periodParts(from: string, to: string): { months: [string, string] | null; edges: [string, string][] } {
  const first = from.endsWith('-01') ? monthOf(from) : nextMonth(monthOf(from));
  const last = to === lastDayOf(monthOf(to)) ? monthOf(to) : previousMonth(monthOf(to));
  if (first > last) return { months: null, edges: [[from, to]] };
  const edges: [string, string][] = [];
  if (monthOf(from) < first) edges.push([from, lastDayOf(monthOf(from))]);
  if (monthOf(to) > last) edges.push([`${monthOf(to)}-01`, to]);
  return { months: [first, last], edges };
}

/** The stored sums of a period: over all months for the whole history, else of its months and its days. */
function storedSums(db: Db, filter: StatsFilter) {
  if (filter.from === undefined && filter.to === undefined) return tallyOfAllMonths(db);
  const { months, edges } = periodParts(filter.from ?? '0000-01-01', filter.to ?? '9999-12-31');
  return tallyOfPeriod(db, months, edges);
}

/** The process tally of the filtered applications: stored sums of whole months, and of days for the rest. */
export function processTally(db: Db, filter: StatsFilter, calendar: WorkdayCalendar): TallyRow[] {
  if (!freshTally(db, calendar)) return tallyOfHistories(loadHistories(db, filter), calendar);
  const types = filter.businessTypes?.length ? new Set<string>(filter.businessTypes) : null;
  const classes = filter.timeLimitClasses?.length ? new Set<string>(filter.timeLimitClasses) : null;
  const rows: TallyRow[] = [];
  for (const r of storedSums(db, filter)) {
    if ((types && !types.has(r.business_type)) || (classes && !classes.has(r.time_limit_class))) continue;
    rows.push({
      businessType: r.business_type as BusinessType,
      timeLimitClass: r.time_limit_class as TimeLimitClass,
      kind: r.kind as TallyKind,
      stage: r.stage,
      label: r.label,
      x: r.x,
      y: r.y,
      n: r.n,
    });
  }
  return rows;
}
