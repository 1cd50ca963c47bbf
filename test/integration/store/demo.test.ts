import { afterEach, describe, expect, it } from 'vitest';
import { BUSINESS_TYPES, CUSTOMER_CLASSES, STAGES } from '../../../shared/domain/codes';
import { checkMobile, checkRic, checkUscc } from '../../../shared/rules';
import { runDemo } from '../../../main/services/demo/runDemo';
import { verifyAudit } from '../../../main/services/audit';
import { openStore, type Store } from './storeFixture';

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

const END = new Date('2026-11-27T00:00:00Z');

function demo(seed: number, count: number) {
  const store = openStore();
  stores.push(store);
  runDemo(store.ctx(), { count, seed, endDate: END, days: 200 });
  return store.ctx().db;
}

describe('yekuo demo', () => {
  it('is deterministic for a seed', () => {
    const rows = (seed: number) =>
      demo(seed, 150).prepare('SELECT number, stage, status, record_json FROM applications ORDER BY id').all();
    expect(rows(3)).toEqual(rows(3));
    expect(rows(3)).not.toEqual(rows(4));
  });

  it('covers every business type, class, stage and status, with valid identifiers', () => {
    const db = demo(1, 1500);
    const distinct = (column: string) =>
      (db.prepare(`SELECT DISTINCT ${column} AS v FROM applications`).pluck().all() as string[]).sort();
    expect(distinct('business_type')).toEqual([...BUSINESS_TYPES].sort());
    expect(distinct('customer_class')).toEqual([...CUSTOMER_CLASSES].sort());
    expect(distinct('stage')).toEqual([...STAGES].sort());
    expect(distinct('status')).toEqual(['ACTIVE', 'ARCHIVED', 'CANCELLED', 'SUSPENDED']);
    const customers = db.prepare('SELECT kind, name, id_type, id_number, phone FROM customers').all() as {
      kind: string;
      name: string;
      id_type: string;
      id_number: string;
      phone: string;
    }[];
    for (const c of customers) {
      const check = c.id_type === 'RIC' ? checkRic(c.id_number, '2026-11-27') : checkUscc(c.id_number);
      expect(
        check.problems.filter((p) => p.severity === 'error'),
        c.id_number,
      ).toEqual([]);
      expect(checkMobile(c.phone).problems).toEqual([]);
    }
    expect(customers.some((c) => c.name.length === 2 && c.name.startsWith('李'))).toBe(true);
    expect(customers.some((c) => c.name.startsWith('王'))).toBe(true);
    expect(verifyAudit(db).ok).toBe(true);
  }, 60_000);

  it('stamps no move or change after its end (applications short of time stay open where they stand)', () => {
    const db = demo(2, 600);
    const latest = (sql: string) => db.prepare(sql).pluck().get() as string;
    expect(latest('SELECT max(at) FROM stage_events') <= END.toISOString()).toBe(true);
    expect(latest('SELECT max(updated_at) FROM applications') <= END.toISOString()).toBe(true);
    expect(latest("SELECT count(*) FROM applications WHERE status = 'ACTIVE'")).toBeGreaterThan(0);
  }, 60_000);

  it('leaves slow cases open for months, none for more than half a year', () => {
    const db = demo(6, 800);
    const openAccepted = (op: '<' | '>=', days: number) =>
      db
        .prepare(`SELECT count(*) FROM applications WHERE status IN ('ACTIVE', 'SUSPENDED') AND created_at ${op} ?`)
        .pluck()
        .get(new Date(END.getTime() - days * 86_400_000).toISOString());
    expect(openAccepted('<', 181)).toBe(0);
    expect(openAccepted('<', 60)).toBeGreaterThan(0);
  }, 60_000);
});
