/**
 * HQ import on real bundles from real hall stores, into SQLite and into a real PostgreSQL server: three halls end
 * to end with counts equal to each hall's own, idempotent re-import, gaps, and every refusal leaving HQ unchanged.
 */
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { outboxDir } from '../../../main/export/createBatch';
import { EXPORT_TABLES } from '../../../main/export/tables';
import { importBundle, type HqStore } from '../../../main/hq/hqStore';
import { openPgHq } from '../../../main/hq/pgHq';
import { hqReport } from '../../../main/hq/hqReport';
import { shanghaiDate } from '../../../main/services/clock';
import type { Store } from '../store/storeFixture';
import { addDemo, exportNow } from '../export/exportFixture';
import { openHall, openTestHq, registerHall, type HqKind, type TestHq } from './hqFixture';
import { badBundles } from './badBundles';

const NOW = new Date('2026-03-03T04:00:00Z');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hqOf(kind: HqKind): Promise<TestHq> {
  const hq = await openTestHq(kind);
  cleanups.push(() => hq.close());
  return hq;
}
function hall(code: string): Store {
  const store = openHall(code);
  cleanups.push(() => store.close());
  return store;
}
async function bundle(store: Store): Promise<string> {
  const batch = (await exportNow(store.ctx()))!;
  return path.join(outboxDir(store.dir), batch.file);
}
const groupCounts = (store: Store, expression: string, today = shanghaiDate(NOW)) =>
  Object.fromEntries(
    (
      store
        .ctx()
        .db.prepare(`SELECT ${expression} AS k, count(*) AS n FROM applications GROUP BY 1`)
        .all({ today }) as { k: string; n: number }[]
    ).map((r) => [r.k, r.n]),
  );
const DEADLINE = `CASE WHEN due_date IS NULL THEN 'NONE' WHEN due_date < @today THEN 'OVERDUE'
  WHEN warn_date <= @today THEN 'DUE_SOON' ELSE 'NORMAL' END`;

async function importAll(store: HqStore, files: string[]) {
  const outcomes = [];
  for (const file of files) outcomes.push(await importBundle(store, file, () => NOW));
  return outcomes;
}

describe.each(['sqlite', 'pg'] as const)('HQ import into %s', (kind) => {
  it('merges three demo halls: every table and every report count equals the hall’s own; a second import changes nothing', async () => {
    const hq = await hqOf(kind);
    const halls = [hall('NJ0101'), hall('NJ0102'), hall('SZ0201')];
    const files: string[] = [];
    for (const [i, h] of halls.entries()) {
      await registerHall(hq.store, h);
      addDemo(h.ctx(), 20 + 5 * i, i + 1);
      files.push(await bundle(h));
      addDemo(h.ctx(), 6, 10 + i); // later changes, some to applications HQ already has
      files.push(await bundle(h));
    }
    const outcomes = await importAll(hq.store, files);
    expect(outcomes.map((o) => o.status)).toEqual(files.map(() => 'imported'));
    for (const [i, h] of halls.entries()) {
      const code = ['NJ0101', 'NJ0102', 'SZ0201'][i]!;
      for (const table of EXPORT_TABLES) {
        const hallRows = (h.ctx().db.prepare(`SELECT count(*) AS n FROM ${table.name}`).get() as { n: number }).n;
        const hqRows = await hq.store.query<{ n: number }>(
          `SELECT count(*) AS n FROM hq_${table.name} WHERE hall_code = ?`,
          [code],
        );
        expect(Number(hqRows[0]!.n), `${code} ${table.name}`).toBe(hallRows);
      }
      // The newest state of each application arrived, not the first one exported.
      const stages = await hq.store.query<{ number: string; stage: string; change_seq: number }>(
        'SELECT number, stage, change_seq FROM hq_applications WHERE hall_code = ? ORDER BY number',
        [code],
      );
      expect(stages.map((r) => ({ ...r, change_seq: Number(r.change_seq) }))).toEqual(
        h.ctx().db.prepare('SELECT number, stage, change_seq FROM applications ORDER BY number').all(),
      );
    }
    const report = await hqReport(hq.store, NOW);
    for (const [i, h] of halls.entries()) {
      const r = report.halls[i]!;
      expect(r).toMatchObject({ lastBatch: 2, gaps: [], silent: false });
      expect(r.byBusinessType).toEqual(groupCounts(h, 'business_type'));
      expect(r.byStage).toEqual(groupCounts(h, 'stage'));
      expect(r.byStatus).toEqual(groupCounts(h, 'status'));
      expect(r.byDeadlineState).toEqual(groupCounts(h, DEADLINE));
      expect(r.gettingElectricity.length).toBeGreaterThan(0);
    }
    const before = await hq.snapshot();
    const again = await importAll(hq.store, files);
    expect(again.map((o) => o.status)).toEqual(files.map(() => 'duplicate'));
    expect(await hq.snapshot()).toEqual(before);
  });

  it('imports past a missing batch, marks and reports the gap, and fills it when the batch arrives', async () => {
    const hq = await hqOf(kind);
    const h = hall('NJ0101');
    await registerHall(hq.store, h);
    const files: string[] = [];
    for (let i = 0; i < 3; i++) {
      addDemo(h.ctx(), 5, i + 1);
      files.push(await bundle(h));
    }
    const [one, two, three] = files as [string, string, string];
    expect((await importAll(hq.store, [one, three])).map((o) => o.status === 'imported' && o.gaps)).toEqual([[], [2]]);
    expect((await hqReport(hq.store, NOW)).halls[0]!.gaps).toEqual([2]);
    const [filled] = await importAll(hq.store, [two]);
    expect(filled).toMatchObject({ status: 'imported', fillsGap: true });
    expect((await hqReport(hq.store, NOW)).halls[0]!.gaps).toEqual([]);
    const n = await hq.store.query<{ n: number }>('SELECT count(*) AS n FROM hq_audit_log');
    expect(Number(n[0]!.n)).toBe(h.ctx().db.prepare('SELECT count(*) FROM audit_log').pluck().get());
  });

  it('refuses every bad bundle with a clear message and leaves the HQ database unchanged', async () => {
    const hq = await hqOf(kind);
    const cases = await badBundles(
      (code) => hall(code),
      (h) => registerHall(hq.store, h),
    );
    await importAll(hq.store, cases.accepted);
    const before = await hq.snapshot();
    for (const bad of cases.refused) {
      const [outcome] = await importAll(hq.store, [bad.file]);
      expect(outcome, bad.what).toMatchObject({ status: 'refused' });
      expect(outcome!.status === 'refused' && outcome!.message, bad.what).toMatch(bad.message);
      expect(await hq.snapshot(), bad.what).toEqual(before);
    }
  });
});

describe('HQ import into PostgreSQL when the server goes away mid-import', () => {
  it('rolls back, and the next run imports the bundle completely', async () => {
    const hq = await hqOf('pg');
    const h = hall('NJ0101');
    await registerHall(hq.store, h);
    addDemo(h.ctx(), 30);
    const file = await bundle(h);
    // Cut the import's own connection from the server side while rows are streaming in.
    const pid = (await hq.store.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid;
    const killer = new pg.Client({ connectionString: process.env.YEKUO_TEST_PG });
    await killer.connect();
    const cut: HqStore = {
      ...hq.store,
      transaction: (work) =>
        hq.store.transaction((tx) =>
          work({
            ...tx,
            batches: (code) => tx.batches(code),
            start: (m, at) => tx.start(m, at),
            finish: (m, sha, at, gaps) => tx.finish(m, sha, at, gaps),
            load: async (table, rows) => {
              await tx.load(table, rows);
              if (table.name === 'stage_events') await killer.query('SELECT pg_terminate_backend($1)', [pid]);
            },
          }),
        ),
    };
    await expect(importBundle(cut, file, () => NOW)).rejects.toThrow();
    await killer.end();
    // A new connection (the next run) sees nothing of the cut import and completes it.
    const next = await openPgHq(hq.url!);
    cleanups.push(() => next.close());
    expect(await next.query('SELECT * FROM hq_batches')).toEqual([]);
    expect(await next.query('SELECT * FROM hq_applications')).toEqual([]);
    expect(await importBundle(next, file, () => NOW)).toMatchObject({ status: 'imported', batch: 1 });
    const n = await next.query<{ n: number }>('SELECT count(*) AS n FROM hq_applications');
    expect(Number(n[0]!.n)).toBe(h.ctx().db.prepare('SELECT count(*) FROM applications').pluck().get());
  });
});
