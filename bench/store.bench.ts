/**
 * Store benchmarks (issue 3). BENCH_APPS applications from `demo` (default 20 000 so `npm run bench` stays short;
 * the figures in docs/benchmarks.md use 1 000 000). BENCH_DATA=<dir> reuses a data folder already filled by
 * `yekuo --data <dir> demo --count N` instead of generating one. Every figure is reported beside its naive
 * baseline from the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import type { ApplicationInput } from '../shared/domain/application';
import { BUSINESS_TYPES, BUSINESS_TYPE_INFO, CUSTOMER_CLASSES, STAGES } from '../shared/domain/codes';
import { stagePlan } from '../shared/workflow/stagePlans';
import { DATABASE_FILE, openDatabase, type Db } from '../main/db/connection';
import { countApplications } from '../main/db/repositories/applicationRepo';
import { searchLike, searchTrigram } from '../main/db/repositories/searchRepo';
import type { HandlerContext } from '../main/ipc/context';
import { createApplication, storeAcceptedApplication } from '../main/services/applications/createApplication';
import { parseApplication } from '../main/services/applicationRules';
import { listApplications, repositoryFilter } from '../main/services/applications/readApplications';
import { demoApplication } from '../main/services/demo/demoApplication';
import { Prng } from '../main/services/demo/prng';
import { runDemo } from '../main/services/demo/runDemo';
import { initHall } from '../main/services/hall';
import { inOneTransaction, mutate } from '../main/services/mutation';
import { searchApplications } from '../main/services/search';
import { p50, round, sample } from './stats';
import type { BenchRow } from './types';

const SUITE = 'store';
const session = { userId: 'bench', name: '基准', role: 'supervisor' as const };

function freshContext(): HandlerContext {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-bench-store-'));
  const ctx = { db: openDatabase(path.join(dir, DATABASE_FILE)), dataDir: dir, session };
  initHall(ctx, { code: 'BENCH01', name: '基准营业厅' });
  return ctx;
}

function dispose(ctx: HandlerContext): void {
  ctx.db.close();
  fs.rmSync(ctx.dataDir, { recursive: true, force: true });
}

/** Creates `records` in transactions of 1 000, each through `create`; applications per second. */
function creationRate(records: unknown[], create: (ctx: HandlerContext, record: unknown) => unknown): number {
  const ctx = freshContext();
  const started = performance.now();
  for (let from = 0; from < records.length; from += 1000) {
    inOneTransaction(ctx, () => {
      for (const record of records.slice(from, from + 1000)) create(ctx, record);
    });
  }
  const rate = records.length / ((performance.now() - started) / 1000);
  dispose(ctx);
  return rate;
}

/**
 * Creates through the service layer (validation, rules, number, audit, search index), 1 000 per transaction;
 * beside it the same writes for records already validated (storage alone: the ceiling for any validation
 * scheme) and raw inserts of simple rows (the ceiling of this machine).
 */
function bulkCreate(count: number): BenchRow[] {
  const rng = new Prng(99);
  const records = Array.from({ length: count }, (_, i) => {
    const type = BUSINESS_TYPES[i % BUSINESS_TYPES.length]!;
    const cls = rng.pick(BUSINESS_TYPE_INFO[type].classes);
    return demoApplication(rng, { type, cls, applicationDate: '2026-03-02', plan: stagePlan(type, cls), target: 0 });
  });
  const rate = creationRate(records, createApplication);
  const validated = records.map(parseApplication);
  const storageRate = creationRate(validated, (ctx, app) =>
    mutate(ctx, (scope) => storeAcceptedApplication(scope, app as ApplicationInput, 'BENCH01')),
  );

  // Baseline: raw unencrypted better-sqlite3 inserts of simple rows, the ceiling of this machine.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-bench-raw-'));
  const raw = new Database(path.join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER)');
  const insert = raw.prepare('INSERT INTO t (a, b) VALUES (?, ?)');
  const rawStarted = performance.now();
  raw.transaction(() => {
    for (let i = 0; i < 200_000; i++) insert.run(`row ${i}`, i);
  })();
  const rawRate = 200_000 / ((performance.now() - rawStarted) / 1000);
  raw.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    {
      suite: SUITE,
      case: `bulk create via services (${count} applications)`,
      value: Math.round(rate),
      unit: 'apps/s',
      goal: '>= 20000/s',
      pass: rate >= 20_000,
      baseline: Math.round(rawRate),
      note: 'baseline: raw INSERT of simple rows',
    },
    {
      suite: SUITE,
      case: `the same writes of validated records, storage alone (${count})`,
      value: Math.round(storageRate),
      unit: 'apps/s',
      baseline: Math.round(rate),
      note: 'baseline: the whole creation above; the gap is zod + rules',
    },
  ];
}

/** The data folder with `count` demo applications: reused from BENCH_DATA or generated into a temp folder. */
function demoStore(count: number): { ctx: HandlerContext; file: string; temporary: boolean } {
  const reuse = process.env.BENCH_DATA;
  if (reuse) {
    const file = path.join(reuse, DATABASE_FILE);
    const db = openDatabase(file);
    const ctx = { db, dataDir: reuse, session };
    if (countApplications(db) >= count) return { ctx, file, temporary: false };
    db.close();
    throw new Error(`BENCH_DATA ${reuse} holds fewer than ${count} applications: run yekuo demo first`);
  }
  const ctx = freshContext();
  process.stderr.write(`  generating ${count} demo applications …\n`);
  runDemo(ctx, { count, seed: 1, days: 730 });
  return { ctx, file: path.join(ctx.dataDir, DATABASE_FILE), temporary: true };
}

function queries(db: Db, rng: Prng, n: number, pick: (row: Record<string, string>) => string | undefined): string[] {
  const maxId = db.prepare('SELECT max(id) FROM applications').pluck().get() as number;
  const row = db.prepare('SELECT customer_name, address, phone, id_number, number FROM applications WHERE id = ?');
  const out: string[] = [];
  while (out.length < n) {
    const found = row.get(rng.int(1, maxId)) as Record<string, string> | undefined;
    const text = found && pick(found);
    if (text) out.push(text);
  }
  return out;
}

const slice = (rng: Prng, text: string, min: number, max: number) => {
  const chars = [...text];
  const length = Math.min(chars.length, rng.int(min, max));
  const at = rng.int(0, chars.length - length);
  return chars.slice(at, at + length).join('');
};

async function timed(texts: string[], fn: (text: string) => unknown, iterations: number): Promise<number> {
  let i = 0;
  const times = await sample(() => fn(texts[i++ % texts.length]!), iterations, Math.min(20, iterations));
  return p50(times);
}

export async function run(): Promise<BenchRow[]> {
  const count = Number(process.env.BENCH_APPS ?? 20_000);
  const rows = bulkCreate(Math.min(count, 20_000));
  const { ctx, file, temporary } = demoStore(count);
  const total = countApplications(ctx.db);
  const rng = new Prng(5);
  const baselineRuns = total > 200_000 ? 10 : 40;
  try {
    const opens = await sample(() => openDatabase(file).close(), 20, 3);
    rows.push({
      suite: SUITE,
      case: `open database + check migrations (${total} apps)`,
      value: round(p50(opens), 2),
      unit: 'ms',
      goal: '< 100 ms',
      pass: p50(opens) < 100,
    });

    const long = queries(ctx.db, rng, 300, (r) => {
      const field = rng.pick(['customer_name', 'address', 'phone', 'id_number'] as const);
      const text = r[field] ?? '';
      return [...text].length >= 3 ? slice(rng, text, 3, field === 'address' ? 6 : 5) : undefined;
    });
    const search = (text: string) => searchApplications(ctx, { text, limit: 50 });
    const longP50 = await timed(long, search, 300);
    rows.push({
      suite: SUITE,
      case: `search 3+ characters p50 (${total} apps)`,
      value: round(longP50, 2),
      unit: 'ms',
      goal: '< 5 ms',
      pass: longP50 < 5,
      baseline: round(await timed(long, (t) => searchLike(ctx.db, t, 51), baselineRuns), 2),
      note: "baseline: LIKE '%…%' over the five columns",
    });

    // Rare substrings (7 digits of a phone or an ID number): few hits, so LIKE has to read the whole table.
    const rare = queries(ctx.db, rng, 300, (r) =>
      slice(rng, rng.chance(0.5) ? (r.phone ?? '') : (r.id_number ?? ''), 7, 7),
    );
    const rareP50 = await timed(rare, search, 300);
    rows.push({
      suite: SUITE,
      case: `search 3+ characters, rare (7 digits of phone/ID) p50 (${total} apps)`,
      value: round(rareP50, 2),
      unit: 'ms',
      goal: '< 5 ms',
      pass: rareP50 < 5,
      baseline: round(await timed(rare, (t) => searchLike(ctx.db, t, 51), baselineRuns), 2),
      note: "baseline: LIKE '%…%' (full scan)",
    });
    // The same queries on the trigram index alone (the path before the digit suffix index, migration 0004).
    const filter = repositoryFilter(ctx, {});
    const trigramP50 = await timed(rare, (t) => searchTrigram(ctx.db, t, filter, null, 51), 300);
    rows.push({
      suite: SUITE,
      case: `search rare 7 digits, trigram index only (before 0004) p50 (${total} apps)`,
      value: round(trigramP50, 2),
      unit: 'ms',
      note: 'the same queries as the row above, FTS5 phrase over the trigram index',
    });

    const short = queries(ctx.db, rng, 300, (r) => {
      const name = r.customer_name ?? '';
      return name.length <= 4 ? slice(rng, name, 1, 2) : undefined;
    });
    const shortP50 = await timed(short, search, 300);
    rows.push({
      suite: SUITE,
      case: `search 1–2 character name p50 (${total} apps)`,
      value: round(shortP50, 2),
      unit: 'ms',
      goal: '< 30 ms',
      pass: shortP50 < 30,
      baseline: round(await timed(short, (t) => searchLike(ctx.db, t, 51), baselineRuns), 2),
      note: "baseline: LIKE '%…%'",
    });

    const filters = Array.from({ length: 200 }, () => ({
      ...(rng.chance(0.6) ? { stages: [rng.pick(STAGES)] } : {}),
      ...(rng.chance(0.5) ? { businessTypes: [rng.pick(BUSINESS_TYPES)] } : {}),
      ...(rng.chance(0.4) ? { customerClasses: [rng.pick(CUSTOMER_CLASSES)] } : {}),
      ...(rng.chance(0.3) ? { deadline: rng.pick(['NORMAL', 'DUE_SOON', 'OVERDUE'] as const) } : {}),
      limit: 50,
    }));
    let f = 0;
    const pageTimes = await sample(() => listApplications(ctx, filters[f++ % filters.length]!), 400, 20);
    const deep = ctx.db.prepare(
      'SELECT * FROM applications WHERE stage = ? ORDER BY created_at DESC LIMIT 50 OFFSET 5000',
    );
    const deepTimes = await sample(() => deep.all(rng.pick(STAGES)), baselineRuns, 2);
    rows.push({
      suite: SUITE,
      case: `filtered page of 50 p50 (${total} apps)`,
      value: round(p50(pageTimes), 2),
      unit: 'ms',
      goal: '< 10 ms',
      pass: p50(pageTimes) < 10,
      baseline: round(p50(deepTimes), 2),
      note: 'baseline: ORDER BY created_at with OFFSET paging (page 101)',
    });
  } finally {
    if (temporary) dispose(ctx);
    else ctx.db.close();
  }
  return rows;
}
