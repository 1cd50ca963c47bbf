/**
 * The stored process tally (migrations 0025, 0028, 0039: per month, per day and over all months) against a full recomputation from the stage-event log, on a real
 * hall database after random sequences of changes: demo applications moved through the services, events and
 * corrections written outside mutate(), and a change of calendar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, weekendOnlyCalendar, type WorkdayCalendar } from '../../../shared/calendar/calendar';
import { analyseTally, tallyOfHistories } from '../../../shared/stats/processAnalysis';
import { acceptClerksOf, mergeTally } from '../../../shared/stats/processTally';
import { Prng } from '../../../shared/stats/prng';
import { simulate } from '../../../shared/stats/simulation';
import { DEFAULT_TIME_LIMITS } from '../../../shared/workflow/timeLimits';
import type { StatsFilter } from '../../../shared/api/stats';
import { runDemo } from '../../../main/services/demo/runDemo';
import { defaultCalendar } from '../../../main/services/clock';
import { loadHistories } from '../../../main/services/stats/histories';
import {
  periodParts,
  processTally,
  rebuildInBackground,
  rebuildTally,
  rebuildTallyInSteps,
  tallyRecalculating,
} from '../../../main/services/stats/processTallyStore';
import { processReport } from '../../../main/services/stats/processReport';
import { openStore, type Store } from '../store/storeFixture';

const FILTERS: StatsFilter[] = [
  {},
  { from: '2026-01-01', to: '2026-02-28' },
  { from: '2025-12-17', to: '2026-02-09' },
  { from: '2026-01-05', to: '2026-01-20', businessTypes: ['NEW_LVR', 'INC_LVN'] },
  { timeLimitClasses: ['HV_SINGLE', 'LVN'] },
];

describe('stored process tally', () => {
  let store: Store;
  beforeAll(() => {
    store = openStore();
  });
  afterAll(() => store.close());

  /** Periods starting and ending on random days (mostly mid-month), some within one month. */
  const randomPeriods = (rng: Prng): StatsFilter[] =>
    Array.from({ length: 4 }, (_, i) => {
      const from = addDays('2025-11-01', rng.int(0, 200));
      const to = addDays(from, i === 0 ? rng.int(0, 20) : rng.int(0, 120));
      return i === 3 ? { from, to, businessTypes: ['NEW_LVR', 'NEW_LVN'] } : { from, to };
    });

  const expectEqualToLog = (calendar: WorkdayCalendar, rng = new Prng(7)) => {
    const db = store.ctx().db;
    for (const filter of [...FILTERS, ...randomPeriods(rng)]) {
      const stored = processTally(db, filter, calendar);
      const storedTally = mergeTally(stored);
      const fromLog = tallyOfHistories(loadHistories(db, filter), calendar);
      expect(storedTally, JSON.stringify(filter)).toEqual(fromLog);
      // The report reads the rows as the store gives them: each key once, already summed.
      expect(stored).toHaveLength(storedTally.length);
      expect(analyseTally(stored, DEFAULT_TIME_LIMITS)).toEqual(analyseTally(fromLog, DEFAULT_TIME_LIMITS));
      const options = { scenario: 'merge-survey', runs: 500, seed: 5, acceptClerks: acceptClerksOf(fromLog) } as const;
      // In the order the store gives them: the simulation orders its draws itself.
      expect(simulate(processTally(db, filter, calendar).reverse(), options)).toEqual(simulate(fromLog, options));
    }
    // The day rows add up to the month rows.
    expect(
      db
        .prepare(
          `SELECT count(*) FROM (SELECT substr(day, 1, 7) AS month, business_type, time_limit_class, kind, stage, label,
             x, y, sum(n) AS n FROM process_tally_day GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0) d
             FULL JOIN (SELECT * FROM process_tally WHERE n <> 0 AND month <> '*') m USING (month, business_type,
             time_limit_class, kind, stage, label, x, y) WHERE d.n IS NOT m.n`,
        )
        .pluck()
        .get(),
    ).toBe(0);
    // The month rows add up to the rows of all months (migration 0039), which the whole history reads.
    expect(
      db
        .prepare(
          `SELECT count(*) FROM (SELECT business_type, time_limit_class, kind, stage, label, x, y, sum(n) AS n
             FROM process_tally WHERE month <> '*' GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(n) <> 0) m
             FULL JOIN (SELECT * FROM process_tally WHERE n <> 0 AND month = '*') a USING (business_type,
             time_limit_class, kind, stage, label, x, y) WHERE m.n IS NOT a.n`,
        )
        .pluck()
        .get(),
    ).toBe(0);
    // Nothing left to fold, and every application is tallied once.
    expect(db.prepare('SELECT count(*) FROM process_tally_dirty').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM process_tally_applications').pluck().get()).toBe(
      db.prepare('SELECT count(DISTINCT application_id) FROM stage_events').pluck().get(),
    );
  };

  it('splits a period into whole months and the partial months at its ends', () => {
    expect(periodParts('0000-01-01', '9999-12-31')).toEqual({ months: ['0000-01', '9999-12'], edges: [] });
    expect(periodParts('2026-01-01', '2026-02-28')).toEqual({ months: ['2026-01', '2026-02'], edges: [] });
    expect(periodParts('2025-12-17', '2026-02-09')).toEqual({
      months: ['2026-01', '2026-01'],
      edges: [
        ['2025-12-17', '2025-12-31'],
        ['2026-02-01', '2026-02-09'],
      ],
    });
    expect(periodParts('2026-01-05', '2026-01-20')).toEqual({ months: null, edges: [['2026-01-05', '2026-01-20']] });
    expect(periodParts('2024-02-01', '2024-02-29')).toEqual({ months: ['2024-02', '2024-02'], edges: [] });
  });

  it('equals the recomputation from the log after random changes', () => {
    const rng = new Prng(15);
    const db = store.ctx().db;
    const ctx = store.ctx();
    const calendar = ctx.calendar ?? defaultCalendar;
    let end = Date.parse('2026-01-10T08:00:00Z');
    for (let round = 0; round < 6; round++) {
      end += rng.int(5, 25) * 86_400_000;
      runDemo(store.ctx(), { count: rng.int(5, 25), seed: rng.int(1, 1000), endDate: new Date(end), days: 40 });
      // mutate() folded the demo's writes in their own transactions.
      if (round > 0) expect(db.prepare('SELECT count(*) FROM process_tally_dirty').pluck().get()).toBe(0);
      if (round % 2 === 1) {
        // Writes outside mutate(): an event appended, a class corrected, an acceptance date moved.
        const ids = db.prepare('SELECT id FROM applications ORDER BY id').pluck().all() as number[];
        const pick = () => ids[rng.int(0, ids.length - 1)] as number;
        db.prepare(
          `INSERT INTO stage_events (application_id, action, from_stage, to_stage, user_id, at, change_seq)
           SELECT id, 'suspend', stage, stage, 'u-raw', '2026-03-02T02:00:00Z', 0 FROM applications WHERE id = ?`,
        ).run(pick());
        db.prepare("UPDATE applications SET time_limit_class = 'HV_DUAL' WHERE id = ?").run(pick());
        db.prepare("UPDATE applications SET accept_date = '2025-12-20' WHERE id = ?").run(pick());
      }
      expectEqualToLog(calendar, rng);
    }
    // A rebuild whose chunks of applications share days adds up the same.
    db.transaction(() => rebuildTally(db, calendar, 7))();
    expectEqualToLog(calendar, rng);
    // Another calendar: the next read rebuilds in it, and changes after are folded in it.
    expectEqualToLog(weekendOnlyCalendar);
    const before = db.prepare('SELECT calendar FROM process_tally_state').pluck().get();
    expectEqualToLog(calendar);
    expect(db.prepare('SELECT calendar FROM process_tally_state').pluck().get()).not.toBe(before);
  }, 180_000);

  it('after a calendar change, reads show the last tally while the background rebuild runs, then the new one', async () => {
    const db = store.ctx().db;
    const calendar = store.ctx().calendar ?? defaultCalendar;
    expectEqualToLog(calendar);
    rebuildInBackground(db);
    const before = processTally(db, {}, calendar);
    // The calendar changes: reads keep the last tally, say so, and rebuild nothing themselves.
    expect(tallyRecalculating(db, weekendOnlyCalendar)).toBe(true);
    expect(processTally(db, {}, weekendOnlyCalendar)).toEqual(before);
    expect(processReport({ ...store.ctx(), calendar: weekendOnlyCalendar }, {}).recalculating).toBe(true);
    expect(processReport(store.ctx(), {}).recalculating).toBe(false);
    // Writes between the rebuild's steps, through mutate() in the new calendar and raw, stay marked until its
    // end folds them in.
    const rng = new Prng(29);
    let end = Date.parse('2026-09-01T08:00:00Z');
    const writeBetweenSteps = async () => {
      end += 86_400_000;
      runDemo(
        { ...store.ctx(), calendar: weekendOnlyCalendar },
        { count: 2, seed: rng.int(1, 1000), endDate: new Date(end), days: 30 },
      );
      db.prepare(
        `INSERT INTO stage_events (application_id, action, from_stage, to_stage, user_id, at, change_seq)
         SELECT id, 'suspend', stage, stage, 'u-raw', '2026-09-02T02:00:00Z', 0 FROM applications WHERE id = ?`,
      ).run(rng.int(1, 40));
      await Promise.resolve();
    };
    await expect(rebuildTallyInSteps(db, weekendOnlyCalendar, writeBetweenSteps, 9)).resolves.toBe(true);
    expect(tallyRecalculating(db, weekendOnlyCalendar)).toBe(false);
    expectEqualToLog(weekendOnlyCalendar, rng);
    // A stage event rewritten during a rebuild: it is dropped, and the next one replaces the tally.
    const rewrite = async () => {
      db.prepare(
        "UPDATE stage_events SET at = '2026-09-03T02:00:00Z' WHERE id = (SELECT max(id) FROM stage_events)",
      ).run();
      await Promise.resolve();
    };
    await expect(rebuildTallyInSteps(db, calendar, rewrite, 50)).resolves.toBe(false);
    expect(tallyRecalculating(db, calendar)).toBe(true);
    await expect(rebuildTallyInSteps(db, calendar, () => Promise.resolve(), 50)).resolves.toBe(true);
    expectEqualToLog(calendar, rng);
  }, 180_000);
});
