/**
 * Exactly-once delivery under SIGKILL: `yekuo export --out DIR` is killed at random moments of its run (startup,
 * reading, zipping, fsync/rename, recording, copying), with changes made between the runs; a last run then
 * completes. Every bundle that reached the folder is imported at HQ: none refused, batch numbers without gaps,
 * and HQ holds exactly the hall's rows. YEKUO_KILL_TRIALS sets the number of kills (CI: 5; the 50:
 * `YEKUO_KILL_TRIALS=50 npx vitest run test/integration/export/killExport.test.ts`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPORT_TABLES } from '../../../main/export/tables';
import { importBundle } from '../../../main/hq/hqStore';
import { openSqliteHq } from '../../../main/hq/sqliteHq';
import { createApplication } from '../../../main/services/applications/createApplication';
import { addCliAdmin, cliAdminEnv } from '../store/cliRunner';
import { openStore, recordFor, type Store } from '../store/storeFixture';
import { addDemo, tempDir } from './exportFixture';

const TRIALS = Number(process.env.YEKUO_KILL_TRIALS ?? 5);
const bin = path.resolve(import.meta.dirname, '../../../bin/yekuo.mjs');

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

interface ExportRun {
  /** null when the run was killed. */
  code: number | null;
  ms: number;
  /** What the child wrote to stdout and stderr, kept so that a failed run says why. */
  output: string;
}

/** Runs `yekuo export --out` and kills it with SIGKILL after `killAfterMs` (or lets it finish when undefined). */
function runExport(dir: string, out: string, killAfterMs?: number): Promise<ExportRun> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [bin, '--data', dir, 'export', '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: cliAdminEnv(),
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: Date.now() - started, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** A run that ended by itself must have succeeded; its output is the failure message otherwise. */
function expectCompleted(run: ExportRun, what: string): void {
  expect(run.code, `${what} exited with ${run.code}:\n${run.output}`).toBe(0);
}

describe('export killed at random moments', () => {
  it(`delivers every change exactly once across ${TRIALS} kills`, { timeout: 60_000 + TRIALS * 30_000 }, async () => {
    const store: Store = openStore();
    cleanups.push(() => store.close());
    const out = tempDir('yekuo-kill-out-');
    cleanups.push(() => fs.rmSync(out, { recursive: true, force: true }));
    await addCliAdmin(store.ctx('admin'));
    addDemo(store.ctx(), 60);
    const full = await runExport(store.dir, out);
    expectCompleted(full, 'the first export');
    let seed = 100;
    let killedMidway = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      createApplication(store.ctx(), recordFor('NEW_LVR', 'LVR', seed++));
      if (trial % 3 === 0) addDemo(store.ctx(), 3, seed++);
      const run = await runExport(store.dir, out, Math.floor(Math.random() * full.ms * 1.1));
      if (run.code === null) killedMidway++;
      else expectCompleted(run, `trial ${trial}`);
    }
    expect(killedMidway).toBeGreaterThan(0);
    expectCompleted(await runExport(store.dir, out), 'the last export');

    const hq = openSqliteHq(path.join(tempDir('yekuo-kill-hq-'), 'hq.sqlite'));
    cleanups.push(() => void hq.close());
    const hallKey = fs.readFileSync(path.join(out, 'hall-NJ0101.pub'), 'utf8');
    await hq.addKey('NJ0101', hallKey, '2026-03-02T00:00:00.000Z');
    const bundles = fs
      .readdirSync(out)
      .filter((f) => f.endsWith('.zip'))
      .sort();
    const outcomes = [];
    for (const file of bundles) outcomes.push(await importBundle(hq, path.join(out, file)));
    expect(outcomes.filter((o) => o.status === 'refused')).toEqual([]);
    // Batches 1..N, each imported once, none missing: the folder never held a bundle the hall did not count.
    const recorded = store.ctx().db.prepare('SELECT batch_no FROM export_batches ORDER BY batch_no').pluck().all();
    expect(bundles.length).toBe(recorded.length);
    expect(await hq.query('SELECT batch_no FROM hq_batches ORDER BY batch_no')).toEqual(
      recorded.map((n) => ({ batch_no: n })),
    );
    expect(await hq.query('SELECT * FROM hq_gaps')).toEqual([]);
    for (const table of EXPORT_TABLES) {
      const hall = store.ctx().db.prepare(`SELECT count(*) FROM ${table.name}`).pluck().get();
      const [{ n }] = (await hq.query(`SELECT count(*) AS n FROM hq_${table.name}`)) as [{ n: number }];
      expect(n, table.name).toBe(hall);
    }
    const hallAudit = store.ctx().db.prepare('SELECT id, hash FROM audit_log ORDER BY id').all();
    expect(await hq.query('SELECT id, hash FROM hq_audit_log ORDER BY id')).toEqual(hallAudit);
    // The figures docs/benchmarks.md records for a run.
    console.info(
      `kill test: ${TRIALS} trials, ${killedMidway} killed mid-run, ${TRIALS - killedMidway} completed; ` +
        `${bundles.length} batches, every one imported once; ${hallAudit.length} audit entries identical at HQ`,
    );
  });
});
