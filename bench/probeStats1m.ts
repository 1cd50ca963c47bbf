import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, openDatabase } from '../main/db/connection';
import { clockOf } from '../main/services/clock';
import { forecastReport } from '../main/services/stats/forecastReport';
import { processReport } from '../main/services/stats/processReport';
import { foldDirtyApplications, rebuildTally, rebuildTallyInSteps } from '../main/services/stats/processTallyStore';
import { runSimulation } from '../main/services/stats/runSimulation';
import { loadHistories } from '../main/services/stats/histories';
import { analyseTally, tallyOfHistories } from '../shared/stats/processAnalysis';

const source = process.env.PROBE_HALL ?? '/tmp/yekuo-1m-at-0026';
const log = (...a: unknown[]) =>
  console.log(
    new Date().toISOString(),
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' '),
    ...a,
  );
const time = <T>(name: string, f: () => T): T => {
  const t = performance.now();
  const r = f();
  log(name, `${(performance.now() - t).toFixed(1)} ms`);
  return r;
};
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-stats-1m-'));
log('copy to', copy);
time('copy', () => fs.cpSync(source, copy, { recursive: true }));
const db = time('open + pending migrations (0029 builds the process tally)', () =>
  openDatabase(path.join(copy, DATABASE_FILE)),
);
const ctx = {
  db,
  dataDir: copy,
  session: { userId: 'bench', name: '基准', role: 'supervisor' as const },
  now: () => new Date('2026-12-04T02:00:00Z'),
};
try {
  if (process.env.PROBE_REBUILD) {
    // What migration 0029 runs (one transaction), and the background rebuild after a calendar change (in steps).
    const calendar = clockOf(ctx).calendar;
    time('tally rebuilt in one transaction (migration 0029)', () =>
      db.transaction(() => rebuildTally(db, calendar)).immediate(),
    );
    const t = performance.now();
    let steps = 0;
    let longest = 0;
    let last = performance.now();
    await rebuildTallyInSteps(db, calendar, async () => {
      longest = Math.max(longest, performance.now() - last);
      steps++;
      await new Promise((resolve) => setImmediate(resolve));
      last = performance.now();
    });
    log(
      'tally rebuilt in steps',
      `${(performance.now() - t).toFixed(1)} ms, ${steps} steps, longest ${longest.toFixed(1)} ms`,
    );
  }
  for (let i = 0; i < 3; i++) time('forecast', () => forecastReport(ctx));
  time('first process report after the migration', () => processReport(ctx, {}));
  log('tally rows', db.prepare('SELECT count(*) FROM process_tally').pluck().get());
  log('day rows', db.prepare('SELECT count(*) FROM process_tally_day').pluck().get());
  for (let i = 0; i < 10; i++) time('process report, whole history', () => processReport(ctx, {}));
  for (const [from, to] of [
    ['2026-03-10', '2026-08-20'],
    ['2025-01-16', '2026-11-15'],
    ['2026-05-03', '2026-05-27'],
    ['2024-02-29', '2024-04-30'],
  ] as const)
    for (let i = 0; i < 3; i++) time(`process report, ${from}..${to}`, () => processReport(ctx, { from, to }));
  for (let i = 0; i < 3; i++)
    time('process report, 2026-04-01..2026-06-30, NEW_LVR', () =>
      processReport(ctx, { from: '2026-04-01', to: '2026-06-30', businessTypes: ['NEW_LVR'] }),
    );
  for (let i = 0; i < 3; i++)
    time('10,000 simulation runs', () => runSimulation(ctx, { scenario: 'merge-survey', runs: 10_000 }));
  const ids = db.prepare('SELECT id FROM applications ORDER BY random() LIMIT 20').pluck().all() as number[];
  const ins =
    db.prepare(`INSERT INTO stage_events (application_id, action, from_stage, to_stage, user_id, at, change_seq)
    SELECT id, 'suspend', stage, stage, 'bench', '2026-12-04T02:00:00Z', 0 FROM applications WHERE id = ?`);
  for (const id of ids)
    time('fold one changed application', () =>
      db.transaction(() => {
        ins.run(id);
        foldDirtyApplications(db, clockOf(ctx).calendar);
      })(),
    );
  if (process.env.PROBE_BEFORE) {
    const report = time('before: process report from the log', () =>
      analyseTally(tallyOfHistories(loadHistories(db, {}), clockOf(ctx).calendar), clockOf(ctx).limits),
    );
    const after = processReport(ctx, {});
    log(
      'equal to the stored tally report',
      JSON.stringify(report) === JSON.stringify({ ...after, filter: undefined, ...{} }) ||
        JSON.stringify(report) === JSON.stringify((({ filter: _f, ...r }) => r)(after)),
    );
  }
} finally {
  db.close();
  fs.rmSync(copy, { recursive: true, force: true });
  log('removed copy');
}
