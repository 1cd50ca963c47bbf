/**
 * Migration 0029 builds the process tally from the stage-event log in the calendar in force, so that the first
 * 流程分析 read (and every read of a read-only folder) sums stored rows instead of reading the log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../main/db/connection';
import { runDemo } from '../../../main/services/demo/runDemo';
import { configurationInForce } from '../../../main/services/settings/inForce';
import { loadHistories } from '../../../main/services/stats/histories';
import { calendarFingerprint, processTally } from '../../../main/services/stats/processTallyStore';
import { mergeTally } from '../../../shared/stats/processTally';
import { tallyOfHistories } from '../../../shared/stats/processAnalysis';
import type { StatsFilter } from '../../../shared/api/stats';
import { openRawDatabase, openStore, type Store } from './storeFixture';
import path from 'node:path';

let store: Store | undefined;
afterEach(() => store?.close());

const FILTERS: StatsFilter[] = [{}, { from: '2025-12-09', to: '2026-02-17' }, { timeLimitClasses: ['LVR'] }];

describe('migration 0029 (process tally built from the log)', () => {
  it('builds the tally in the calendar in force, equal to the log, and a read-only folder reads it', () => {
    store = openStore();
    runDemo(store.ctx(), { count: 60, seed: 9, endDate: new Date('2026-03-01T00:00:00Z'), days: 120 });
    store.closeDatabase();
    // The hall as it was before migration 0028: its tally is dropped and rebuilt by 0028 and 0029.
    const raw = openRawDatabase(store.file);
    raw.pragma('user_version = 27');
    raw.close();
    const db = openDatabase(store.file);
    const calendar = configurationInForce(db).calendar;
    try {
      expect(db.prepare('SELECT calendar FROM process_tally_state').pluck().get()).toBe(calendarFingerprint(calendar));
      expect(db.prepare('SELECT count(*) FROM process_tally_dirty').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM process_tally_applications').pluck().get()).toBe(
        db.prepare('SELECT count(DISTINCT application_id) FROM stage_events').pluck().get(),
      );
      expect(db.prepare('SELECT count(*) FROM process_tally_day').pluck().get()).toBeGreaterThan(100);
    } finally {
      db.close();
    }
    const readOnly = openDatabase(path.join(store.dir, DATABASE_FILE), { readonly: true });
    try {
      for (const filter of FILTERS) {
        expect(mergeTally(processTally(readOnly, filter, calendar)), JSON.stringify(filter)).toEqual(
          tallyOfHistories(loadHistories(readOnly, filter), calendar),
        );
      }
    } finally {
      readOnly.close();
    }
  });
});
