import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../main/db/migrations';
import { runDemo } from '../../../main/services/demo/runDemo';
import { openStore, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

const tally = 'SELECT business_type, stage, n FROM application_tally WHERE n > 0 ORDER BY 1, 2';
const counted = 'SELECT business_type, stage, count(*) AS n FROM applications GROUP BY 1, 2 ORDER BY 1, 2';

describe('migration 0015 (application tally)', () => {
  it('on a database with applications, the tally counts them, and triggers keep it after', () => {
    store = openStore();
    runDemo(store.ctx(), { count: 25, seed: 3, endDate: new Date('2026-02-27T00:00:00Z'), days: 30 });
    const db = store.ctx().db;
    db.exec(`DROP TRIGGER application_tally_insert; DROP TRIGGER application_tally_update;
      DROP TRIGGER application_tally_delete; DROP TABLE application_tally`);
    // Later migrations need not be re-runnable: the step under test is run by itself, as the upgrade runs it.
    expect(MIGRATIONS[14]).toMatchObject({ version: 15, name: '0015_application_tally' });
    db.exec(MIGRATIONS[14]!.sql);
    const before = db.prepare(counted).all();
    expect(before.length).toBeGreaterThan(3);
    expect(db.prepare(tally).all()).toEqual(before);
    db.exec(MIGRATIONS[14]!.sql); // again: the same rows
    expect(db.prepare(tally).all()).toEqual(before);
    runDemo(store.ctx(), { count: 10, seed: 4, endDate: new Date('2026-03-27T00:00:00Z'), days: 20 });
    expect(db.prepare(tally).all()).toEqual(db.prepare(counted).all());
    expect(db.prepare(tally).all()).not.toEqual(before);
  });
});
