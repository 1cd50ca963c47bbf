import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../main/db/migrations';
import { runDemo } from '../../../main/services/demo/runDemo';
import { openStore, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

const facts = 'SELECT * FROM risk_application_facts ORDER BY application_id';
const acks = 'SELECT * FROM risk_acknowledgements ORDER BY application_id, position';

describe('migration 0019 (risk application facts)', () => {
  it('fills the tables from the existing records, the same on a re-run, and triggers keep them after', () => {
    store = openStore();
    runDemo(store.ctx(), { count: 25, seed: 3, endDate: new Date('2026-02-27T00:00:00Z'), days: 30 });
    const db = store.ctx().db;
    const before = [db.prepare(facts).all(), db.prepare(acks).all()];
    expect(before[0]!.length).toBeGreaterThan(5);
    expect(before[1]!.length).toBeGreaterThan(5);
    db.exec(`DROP TRIGGER risk_application_facts_insert; DROP TRIGGER risk_application_facts_update;
      DROP TRIGGER risk_application_facts_delete; DROP TABLE risk_application_facts; DROP TABLE risk_acknowledgements;
      DROP VIEW risk_application_facts_source; DROP VIEW risk_acknowledgements_source`);
    expect(MIGRATIONS[18]).toMatchObject({ version: 19, name: '0019_risk_application_facts' });
    db.exec(MIGRATIONS[18]!.sql);
    expect([db.prepare(facts).all(), db.prepare(acks).all()]).toEqual(before);
    db.exec(MIGRATIONS[18]!.sql); // again: the same rows
    expect([db.prepare(facts).all(), db.prepare(acks).all()]).toEqual(before);
    // A capacity is in the table only for a non-cancelled new or increase application.
    const kinds = db
      .prepare(
        `SELECT DISTINCT a.business_type, a.status FROM risk_application_facts f JOIN applications a
         ON a.id = f.application_id WHERE f.kva IS NOT NULL`,
      )
      .all() as { business_type: string; status: string }[];
    expect(kinds.every((k) => /^(NEW|INC)_/.test(k.business_type) && k.status !== 'CANCELLED')).toBe(true);
    runDemo(store.ctx(), { count: 10, seed: 4, endDate: new Date('2026-03-27T00:00:00Z'), days: 20 });
    const kept = [db.prepare(facts).all(), db.prepare(acks).all()];
    expect(kept).not.toEqual(before);
    db.exec(MIGRATIONS[18]!.sql);
    expect([db.prepare(facts).all(), db.prepare(acks).all()]).toEqual(kept);
  });
});
