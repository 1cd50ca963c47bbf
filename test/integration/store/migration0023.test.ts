import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../main/db/migrations';
import { REBUILD_RISK_GROUPS } from '../../../main/db/migrations/0023_risk_group_counts';
import { runDemo } from '../../../main/services/demo/runDemo';
import { openStore, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

const TABLES = [
  'risk_application_clerks ORDER BY application_id',
  'risk_clerk_counts ORDER BY user_id',
  'risk_clerk_rule_counts ORDER BY user_id, rule_id',
  'risk_works_parties ORDER BY application_id, role',
  'risk_works_counts ORDER BY application_date, role, name',
  'risk_capacity_counts ORDER BY customer_class, industry, kva',
];

describe('migration 0023 (risk group counts)', () => {
  it('fills the tables from the existing records, and the triggers keep them as a refill would', () => {
    store = openStore();
    const db = store.ctx().db;
    const rows = () => TABLES.map((table) => db.prepare(`SELECT * FROM ${table}`).all());
    runDemo(store.ctx(), { count: 25, seed: 3, endDate: new Date('2026-02-27T00:00:00Z'), days: 30 });
    const kept = rows();
    for (const table of kept) expect(table.length).toBeGreaterThan(0);
    const migration = MIGRATIONS.find((m) => m.name === '0023_risk_group_counts')!;
    db.exec(migration.sql); // again, over kept rows: the same rows
    expect(rows()).toEqual(kept);
    // Every write since the demo's first went through the triggers: a refill from the sources agrees.
    runDemo(store.ctx(), { count: 10, seed: 4, endDate: new Date('2026-03-27T00:00:00Z'), days: 20 });
    const later = rows();
    expect(later).not.toEqual(kept);
    db.exec(REBUILD_RISK_GROUPS);
    expect(rows()).toEqual(later);
    // The counts are the sums of the per-application rows.
    const sums = db
      .prepare(
        `SELECT count(*) AS accepted, sum(returned OR corrected) AS bad, sum(paused) AS paused
         FROM risk_application_clerks`,
      )
      .get();
    expect(
      db
        .prepare('SELECT sum(accepted) AS accepted, sum(bad) AS bad, sum(paused) AS paused FROM risk_clerk_counts')
        .get(),
    ).toEqual(sums);
  });
});
