import { afterEach, describe, expect, it } from 'vitest';
import { runDemo } from '../../../main/services/demo/runDemo';
import { openStore, type Store } from './storeFixture';
import { rerunTallyMigration } from './support/tallyMigration';

let store: Store | undefined;
afterEach(() => store?.close());

const tally = 'SELECT month, business_type, n FROM application_month_tally WHERE n > 0 ORDER BY 1, 2';
const counted = `SELECT substr(application_date, 1, 7) AS month, business_type, count(*) AS n
  FROM applications GROUP BY 1, 2 ORDER BY 1, 2`;

describe('migration 0022 (application month tally)', () => {
  it('counts the applications per month and type, and triggers keep it through inserts, updates and deletes', () => {
    store = openStore();
    runDemo(store.ctx(), { count: 40, seed: 3, endDate: new Date('2026-03-27T00:00:00Z'), days: 90 });
    const db = store.ctx().db;
    const before = rerunTallyMigration(
      db,
      { version: 22, name: '0022_application_month_tally' },
      {
        drop: `DROP TRIGGER application_month_tally_insert; DROP TRIGGER application_month_tally_update;
      DROP TRIGGER application_month_tally_delete; DROP TABLE application_month_tally`,
        tally,
        counted,
      },
    );
    runDemo(store.ctx(), { count: 10, seed: 4, endDate: new Date('2026-04-27T00:00:00Z'), days: 20 });
    expect(db.prepare(tally).all()).toEqual(db.prepare(counted).all());
    expect(db.prepare(tally).all()).not.toEqual(before);
    // Derived rows follow raw edits too (the correction feature changes the type; imports may fix dates).
    const id = db.prepare('SELECT min(id) FROM applications').pluck().get();
    db.prepare("UPDATE applications SET application_date = '2025-12-31', business_type = 'NEW_HV' WHERE id = ?").run(
      id,
    );
    expect(db.prepare(tally).all()).toEqual(db.prepare(counted).all());
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM applications WHERE id = ?').run(id);
    expect(db.prepare(tally).all()).toEqual(db.prepare(counted).all());
  });
});
