import { afterEach, describe, expect, it } from 'vitest';
import { runDemo } from '../../../main/services/demo/runDemo';
import { openStore, type Store } from './storeFixture';
import { rerunTallyMigration } from './support/tallyMigration';

let store: Store | undefined;
afterEach(() => store?.close());

const tally = 'SELECT business_type, stage, n FROM application_tally WHERE n > 0 ORDER BY 1, 2';
const counted = 'SELECT business_type, stage, count(*) AS n FROM applications GROUP BY 1, 2 ORDER BY 1, 2';

describe('migration 0015 (application tally)', () => {
  it('on a database with applications, the tally counts them, and triggers keep it after', () => {
    store = openStore();
    runDemo(store.ctx(), { count: 25, seed: 3, endDate: new Date('2026-02-27T00:00:00Z'), days: 30 });
    const db = store.ctx().db;
    const before = rerunTallyMigration(
      db,
      { version: 15, name: '0015_application_tally' },
      {
        drop: `DROP TRIGGER application_tally_insert; DROP TRIGGER application_tally_update;
      DROP TRIGGER application_tally_delete; DROP TABLE application_tally`,
        tally,
        counted,
      },
    );
    runDemo(store.ctx(), { count: 10, seed: 4, endDate: new Date('2026-03-27T00:00:00Z'), days: 20 });
    expect(db.prepare(tally).all()).toEqual(db.prepare(counted).all());
    expect(db.prepare(tally).all()).not.toEqual(before);
  });
});
