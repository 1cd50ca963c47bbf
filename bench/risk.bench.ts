/**
 * Risk detectors (issue 15) over a demo hall of RISK_BENCH_APPS applications (default 2 000, made by `yekuo demo`'s
 * generator, so flags fire at the demo's rates): a full recompute of every detector, the record detectors of one
 * application after a change (what each mutation adds), the hall scan behind the first `risk.list` after a
 * change, and a `risk.list` from another connection on an unchanged hall (the scan state is kept in the store). The issue's scale is 1 000 000 applications; this run is far smaller (see docs/benchmarks.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, openDatabase } from '../main/db/connection';
import { runDemo } from '../main/services/demo/runDemo';
import { initHall } from '../main/services/hall';
import { listRiskFlags } from '../main/services/risk/flags';
import { recomputeAll, recomputeApplications } from '../main/services/risk/recompute';
import { p50, round, sample } from './stats';
import type { BenchRow } from './types';

const SUITE = 'risk';
const session = { userId: 'bench', name: '基准', role: 'supervisor' as const };

export async function run(): Promise<BenchRow[]> {
  const count = Number(process.env.RISK_BENCH_APPS ?? 2000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-bench-risk-'));
  const db = openDatabase(path.join(dir, DATABASE_FILE));
  const ctx = { db, dataDir: dir, session, now: () => new Date('2026-12-04T02:00:00Z') };
  try {
    initHall(ctx, { code: 'BENCH01', name: '基准营业厅' });
    runDemo(ctx, { count, seed: 1, days: 365, endDate: new Date('2026-12-04T00:00:00Z') });
    const at = '2026-12-04T02:00:00.000Z';
    const full = await sample(() => recomputeAll(db, at), 3, 1);
    const ids = db.prepare('SELECT id FROM applications ORDER BY random() LIMIT 50').pluck().all() as number[];
    let k = 0;
    const incremental = await sample(
      () => db.transaction(() => recomputeApplications(db, [ids[k++ % ids.length]!], at))(),
      50,
      5,
    );
    // The hall scan runs once per change: bump the change counter before each read.
    const bump = db.prepare('UPDATE change_counter SET seq = seq + 1 WHERE id = 1');
    const list = await sample(
      () => {
        bump.run();
        listRiskFlags(ctx, { offset: 0, limit: 50 });
      },
      10,
      2,
    );
    // Another process (each `yekuo risk list`) on an unchanged hall: the scan state is in the store, no rescan.
    const others = Array.from({ length: 12 }, () => openDatabase(path.join(dir, DATABASE_FILE)));
    let o = 0;
    const unchanged = await sample(() => listRiskFlags({ ...ctx, db: others[o++]! }, { offset: 0, limit: 50 }), 10, 2);
    for (const other of others) other.close();
    const flags = db.prepare('SELECT count(*) FROM risk_flags').pluck().get() as number;
    const note = `${count} applications, ${flags} flags`;
    return [
      { suite: SUITE, case: 'full recompute, every detector', value: round(p50(full), 1), unit: 'ms', note },
      {
        suite: SUITE,
        case: 'incremental: record detectors of one changed application',
        value: round(p50(incremental), 2),
        unit: 'ms',
        goal: '< 20 ms',
        pass: p50(incremental) < 20,
        note,
      },
      {
        suite: SUITE,
        case: 'risk.list after a change (hall scan + first page)',
        value: round(p50(list), 1),
        unit: 'ms',
        note,
      },
      {
        suite: SUITE,
        case: 'risk.list, unchanged hall, another connection (no rescan)',
        value: round(p50(unchanged), 1),
        unit: 'ms',
        note,
      },
    ];
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
