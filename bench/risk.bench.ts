/**
 * Risk detectors and the 统计与风险 page (issue 15) over a hall of RISK_BENCH_APPS applications (default 2 000).
 * Up to 20 000 the hall is made by `yekuo demo`'s generator, so flags fire at the demo's rates. Above, it is the
 * export bench's 20 000-application demo hall grown in SQL with copies of its closed applications and their stage
 * events (bench/cloneHall.ts `closedWithEvents`, made once under the temp folder and reused; each run works on a
 * copy): a real hall of 1 000 000 has years of closed applications and about as many open ones as 20 000.
 *
 * RISK_BENCH_HALL=<folder> runs on a copy of that hall instead (e.g. a copy of /tmp/yekuo-1m-at-0026 opened once),
 * and skips the full recompute when its flags were already computed.
 *
 * Cases: a full recompute of every detector; the record detectors of one application after a change (what each
 * mutation adds); the hall scan behind the first `risk.list` after a change; a `risk.list` from another connection
 * on an unchanged hall; the first `risk.list` of each of the next days (the date-driven detectors judge what the
 * date moved); and the other tabs' data: 流程分析 (the process report), 预测, and 10 000 simulation runs;
 * 客户画像's stored suggestions (migration 0038): their build (what the services worker runs after start-up on a
 * hall never built; skipped on a given hall already built) and the refresh after one application is written.
 * Last, each call the page makes on open, as the first call of a new connection (bench/statsPageCalls.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, openDatabase } from '../main/db/connection';
import { runDemo } from '../main/services/demo/runDemo';
import { initHall } from '../main/services/hall';
import { fullRecomputeAt } from '../main/db/repositories/riskFlagRepo';
import { listRiskFlags } from '../main/services/risk/flags';
import { recomputeAll, recomputeApplications } from '../main/services/risk/recompute';
import { suggestionStoreState } from '../main/db/repositories/suggestionStoreRepo';
import { buildStoredSuggestions, refreshStoredSuggestions } from '../main/services/portrait/suggestionStore';
import { forecastReport } from '../main/services/stats/forecastReport';
import { processReport } from '../main/services/stats/processReport';
import { foldDirtyApplications } from '../main/services/stats/processTallyStore';
import { clockOf } from '../main/services/clock';
import { runSimulation } from '../main/services/stats/runSimulation';
import { clonedHall } from './cloneHall';
import { copyOfHall, demoHall } from './exportHall';
import { firstPageCalls } from './statsPageCalls';
import { p50, round, sample } from './stats';
import type { BenchRow } from './types';

const SUITE = 'risk';
const session = { userId: 'bench', name: '基准', role: 'supervisor' as const };
const DEMO_LIMIT = 20_000;

/** A folder holding the bench hall (the caller removes it). */
async function hallFolder(count: number, given: string | undefined): Promise<string> {
  if (given) return copyOfHall(given);
  if (count > DEMO_LIMIT) {
    // The export bench's demo hall and its grown copy are reused between runs; this run works on a copy.
    return copyOfHall(await clonedHall(demoHall(DEMO_LIMIT), count, 'closedWithEvents'));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-bench-risk-'));
  const db = openDatabase(path.join(dir, DATABASE_FILE));
  const ctx = { db, dataDir: dir, session, now: () => new Date('2026-12-04T02:00:00Z') };
  initHall(ctx, { code: 'BENCH01', name: '基准营业厅' });
  runDemo(ctx, { count, seed: 1, days: 365, endDate: new Date('2026-12-04T00:00:00Z') });
  db.close();
  return dir;
}

export async function run(): Promise<BenchRow[]> {
  const given = process.env.RISK_BENCH_HALL;
  const dir = await hallFolder(Number(process.env.RISK_BENCH_APPS ?? 2000), given);
  const db = openDatabase(path.join(dir, DATABASE_FILE));
  const count = db.prepare('SELECT count(*) FROM applications').pluck().get() as number;
  const big = count > DEMO_LIMIT;
  // A given hall may have been read on later days (bench/probeRisk1m.ts reads the next day): start after those,
  // so that no read sees its date set back.
  const at = given ? '2026-12-10T02:00:00.000Z' : '2026-12-04T02:00:00.000Z';
  let now = new Date(at);
  const ctx = { db, dataDir: dir, session, now: () => now };
  try {
    const computed = given !== undefined && fullRecomputeAt(db) !== null;
    const full = computed ? [] : await sample(() => recomputeAll(db, at), big ? 1 : 3, big ? 0 : 1);
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
      big ? 5 : 10,
      big ? 1 : 2,
    );
    // Another process (each `yekuo risk list`) on an unchanged hall: the scan state is in the store, no rescan.
    const others = Array.from({ length: 12 }, () => openDatabase(path.join(dir, DATABASE_FILE)));
    let o = 0;
    const unchanged = await sample(() => listRiskFlags({ ...ctx, db: others[o++]! }, { offset: 0, limit: 50 }), 10, 2);
    for (const other of others) other.close();
    // Each sample is the first read of a new day: 超期/临期 and 环节停滞 judge the applications whose deadline or
    // idle day the date passed (migrations 0032, 0034), the other date-driven scans what the date moves.
    const newDay = await sample(
      () => {
        now = new Date(now.getTime() + 86_400_000);
        listRiskFlags(ctx, { offset: 0, limit: 50 });
      },
      5,
      big ? 0 : 1,
    );
    // 流程分析, 预测 and 模拟分析 read their stored tallies (migrations 0022, 0025): p50 of a few runs on any hall.
    // Migration 0029 built the process tally when the hall was opened; the first read sums its rows (cold cache).
    const tallyBuild = await sample(() => processReport(ctx, {}), 1, 0);
    const process = await sample(() => processReport(ctx, {}), 5, 1);
    const fold = await sample(
      () =>
        db.transaction(() => {
          db.prepare(
            `INSERT INTO stage_events (application_id, action, from_stage, to_stage, user_id, at, change_seq)
             SELECT id, 'suspend', stage, stage, 'bench', '2026-12-04T02:00:00Z', 0 FROM applications WHERE id = ?`,
          ).run(ids[k++ % ids.length]);
          foldDirtyApplications(db, clockOf(ctx).calendar);
        })(),
      20,
      2,
    );
    const forecast = await sample(() => forecastReport(ctx), 3, 1);
    const simulation = await sample(() => runSimulation(ctx, { scenario: 'merge-survey', runs: 10_000 }), 3, 1);
    const suggestionsBuilt = given !== undefined && suggestionStoreState(db).builtAt !== null;
    const suggestionBuild = suggestionsBuilt ? [] : await sample(() => buildStoredSuggestions(db, at), 1, 0);
    // One application's industry corrected (a record write, noted by migration 0038's triggers), then the read's
    // refresh, which re-derives the customer's, its addresses' and (its membership changed) its lead groups.
    const correctIndustry = db.prepare(
      `UPDATE applications SET record_json = json_set(record_json, '$.industryCode',
         CASE json_extract(record_json, '$.industryCode') WHEN 'C3411' THEN 'C1713' ELSE 'C3411' END) WHERE id = ?`,
    );
    const suggestionRefresh = await sample(
      () => {
        correctIndustry.run(ids[k++ % ids.length]);
        refreshStoredSuggestions(db, now.toISOString());
      },
      20,
      2,
    );
    const firstCalls = await firstPageCalls(dir, ctx.now);
    const flags = db.prepare('SELECT count(*) FROM risk_flags').pluck().get() as number;
    const events = db.prepare('SELECT count(*) FROM stage_events').pluck().get() as number;
    const note = `${count} applications, ${events} stage events, ${flags} flags`;
    const row = (name: string, times: number[], goal?: number): BenchRow => ({
      suite: SUITE,
      case: name,
      value: round(p50(times), 2),
      unit: 'ms',
      ...(goal === undefined ? {} : { goal: `< ${goal} ms`, pass: p50(times) < goal }),
      note,
    });
    return [
      ...(computed ? [] : [row('full recompute, every detector', full)]),
      row('incremental: record detectors of one changed application', incremental, 20),
      row('risk.list after a change (hall scan + first page)', list, 300),
      row('risk.list, unchanged hall, another connection (no rescan)', unchanged, 300),
      row('first risk.list of a new day', newDay, 300),
      row('first 流程分析 read after opening (tally built by migration 0029)', tallyBuild),
      row('流程分析 page data (process report, whole history)', process, 300),
      row('process tally: one changed application folded in (its transaction)', fold, 20),
      row('预测 page data (forecast report)', forecast, 300),
      row('10,000 simulation runs (merge-survey, with the tally read)', simulation, 2000),
      ...(suggestionsBuilt ? [] : [row('客户画像: build of the stored suggestions (once per hall)', suggestionBuild)]),
      row('客户画像: refresh after one application written (its groups re-derived)', suggestionRefresh, 20),
      ...firstCalls.map((call) => row(`first call on a new connection: ${call.name}`, [call.ms], 300)),
    ];
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
