/**
 * Migration 0039 adds to a built process tally its sums over all months (month '*'), which the whole history
 * reads instead of summing every month row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../main/db/connection';
import { ALL_MONTHS, TALLY_OF_ALL_MONTHS } from '../../../main/db/repositories/processTallyRepo';
import { runDemo } from '../../../main/services/demo/runDemo';
import { configurationInForce } from '../../../main/services/settings/inForce';
import { loadHistories } from '../../../main/services/stats/histories';
import { processTally } from '../../../main/services/stats/processTallyStore';
import { mergeTally } from '../../../shared/stats/processTally';
import { tallyOfHistories } from '../../../shared/stats/processAnalysis';
import { openRawDatabase, openStore, type Store } from './storeFixture';
import path from 'node:path';

let store: Store | undefined;
afterEach(() => store?.close());

describe('migration 0039 (process tally over all months)', () => {
  it('sums the month rows of a tally built before, which the whole history then reads by its key', () => {
    store = openStore();
    runDemo(store.ctx(), { count: 60, seed: 9, endDate: new Date('2026-03-01T00:00:00Z'), days: 120 });
    store.closeDatabase();
    // The hall as it was before migration 0039: a built tally without the rows of all months.
    const raw = openRawDatabase(store.file);
    raw.prepare('DELETE FROM process_tally WHERE month = ?').run(ALL_MONTHS);
    raw.pragma('user_version = 38');
    raw.close();
    const db = openDatabase(path.join(store.dir, DATABASE_FILE));
    try {
      expect(db.prepare('SELECT count(*) FROM process_tally WHERE month = ?').pluck().get(ALL_MONTHS)).toBeGreaterThan(
        100,
      );
      const calendar = configurationInForce(db).calendar;
      expect(mergeTally(processTally(db, {}, calendar))).toEqual(tallyOfHistories(loadHistories(db, {}), calendar));
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${TALLY_OF_ALL_MONTHS}`).all(ALL_MONTHS) as { detail: string }[];
      expect(plan.map((step) => step.detail)).toEqual(['SEARCH process_tally USING PRIMARY KEY (month=?)']);
    } finally {
      db.close();
    }
  });
});
