/**
 * Where the risk engine's time goes at 1,000,000 applications, per detector (issue 15): a copy of PROBE_HALL
 * (default the 1,000,000-application hall at migration 0026) opened with this checkout's migrations, then
 * - the query plans of the detectors' scans and the first list page;
 * - `risk.list` on an unchanged hall from another connection;
 * - after one real change (an application's record written, the change counter moved): each per-change hall
 *   detector's scan alone, then the whole `risk.list` (scan, store, first page);
 * - the record detectors of one changed application, each alone, and all of them (what every mutation adds);
 * - the first `risk.list` of the next day.
 * Run: `npx tsx bench/probeRisk1m.ts` (PROBE_HALL, PROBE_KEEP=1 keeps the copy). Prints one line per figure
 * with the load average.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, openDatabase } from '../main/db/connection';
import { flaggedSubjectsOf, FIRST_FLAGS, fullRecomputeAt } from '../main/db/repositories/riskFlagRepo';
import type { HallDetector, RecordDetector } from '../main/services/risk/detector';
import { listRiskFlags } from '../main/services/risk/flags';
import { detectorInput, recomputeAll, recomputeApplications } from '../main/services/risk/recompute';
import { DETECTORS } from '../main/services/risk/registry';
import { log, ms, time } from './probeLog';
import { p50 } from './stats';

const source = process.env.PROBE_HALL ?? '/tmp/yekuo-1m-at-0026';

const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-risk-1m-'));
log('copy to', copy);
log('copy', ms(time(() => fs.cpSync(source, copy, { recursive: true })).at(1) as number));
const file = path.join(copy, DATABASE_FILE);
const [db, opened] = time(() => openDatabase(file));
log('open + pending migrations', ms(opened));
const session = { userId: 'bench', name: '基准', role: 'supervisor' as const };
let now = new Date('2026-12-04T02:00:00Z');
const ctx = { db, dataDir: copy, session, now: () => now };
try {
  log('applications', db.prepare('SELECT count(*) FROM applications').pluck().get());
  if (fullRecomputeAt(db) === null)
    log('full recompute (never computed)', ms(time(() => recomputeAll(db, now.toISOString()))[1]));
  log('flags', JSON.stringify(db.prepare('SELECT detector_id, count(*) AS n FROM risk_flags GROUP BY 1').all()));

  // The first list of a day judges every deadline; then the list on an unchanged hall.
  log('first risk.list of the day', ms(time(() => listRiskFlags(ctx, { offset: 0, limit: 50 }))[1]));
  const others = Array.from({ length: 5 }, () => openDatabase(file));
  const unchanged = others.map(
    (other) => time(() => listRiskFlags({ ...ctx, db: other }, { offset: 0, limit: 50 }))[1],
  );
  for (const other of others) other.close();
  log('risk.list, unchanged hall, another connection', unchanged.map(ms).join(', '));
  const [, page] = time(() =>
    db.prepare(`${FIRST_FLAGS} LIMIT 50`).all({ detector: null, status: null, application: null }),
  );
  log('first page query alone (index risk_flags_list, 0026)', ms(page));
  for (const sql of [`EXPLAIN QUERY PLAN ${FIRST_FLAGS} LIMIT 50`]) {
    const plan = db.prepare(sql).all({ detector: null, status: null, application: null }) as { detail: string }[];
    log('plan of the first page:', plan.map((p) => p.detail).join(' | '));
  }

  // The query plans of the detectors the notes name, as they run on one application (a fresh
  // connection, so every statement is prepared, and seen, here).
  const planDb = openDatabase(file);
  const seen: string[] = [];
  const prepare = planDb.prepare.bind(planDb);
  planDb.prepare = ((sql: string) => {
    seen.push(sql);
    return prepare(sql);
  }) as typeof planDb.prepare;
  const one = db.prepare("SELECT id FROM applications WHERE status = 'ACTIVE' LIMIT 1").pluck().get() as number;
  for (const id of [
    'RISK-ACC-02',
    'RISK-THF-01',
    'RISK-INT-03',
    'RISK-THF-03',
    'RISK-SCH-05',
    'RISK-INT-04',
    'RISK-ACC-04',
  ]) {
    const detector = DETECTORS.find((d) => d.id === id)!;
    const input = detectorInput(planDb, now.toISOString());
    seen.length = 0;
    const [, t] = time(() => {
      if (detector.scope === 'hall') return detector.scan(input);
      return detector.subjectsOf(input, [one]).map((subject) => detector.evaluate(input, subject));
    });
    log('plan of', id, `(${ms(t)} cold, one application or one scan)`);
    for (const sql of new Set(seen)) {
      if (/^\s*(SELECT\s+\w+\s+FROM\s+(risk_state|change_counter|settings)|PRAGMA)/i.test(sql)) continue;
      const named = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], null]));
      const positional = [...sql.matchAll(/\?/g)].map(() => null);
      const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(Object.keys(named).length ? [named] : positional)) as {
        detail: string;
      }[];
      log('  ', sql.replace(/\s+/g, ' ').slice(0, 160), '=>', plan.map((p) => p.detail).join(' | '));
    }
  }
  planDb.close();

  // One real change: a record written (the triggers note it), the change counter moved.
  const ids = db
    .prepare("SELECT id FROM applications WHERE status = 'ACTIVE' ORDER BY random() LIMIT 60")
    .pluck()
    .all() as number[];
  const write = db.prepare(`UPDATE applications SET record_json = json_set(record_json, '$.notes', ?) WHERE id = ?`);
  const bump = db.prepare('UPDATE change_counter SET seq = seq + 1 WHERE id = 1');
  const change = (k: number) => {
    write.run(`probe ${k}`, ids[k % ids.length]);
    bump.run();
  };
  const hall = DETECTORS.filter((d): d is HallDetector => d.scope === 'hall' && d.cadence !== 'daily');
  const perScan = new Map<string, number[]>();
  const lists: number[] = [];
  for (let k = 0; k < 5; k++) {
    change(k);
    const input = detectorInput(db, now.toISOString());
    for (const detector of hall) {
      const [, t] = time(() => detector.scan(input));
      perScan.set(detector.id, [...(perScan.get(detector.id) ?? []), t]);
    }
    lists.push(time(() => listRiskFlags(ctx, { offset: 0, limit: 50 }))[1]);
  }
  for (const [id, times] of perScan) log('scan after a change', id, 'p50', ms(p50(times)), times.map(ms).join(', '));
  log('risk.list after a change', 'p50', ms(p50(lists)), lists.map(ms).join(', '));

  // The record detectors of one changed application.
  const records = DETECTORS.filter((d): d is RecordDetector => d.scope === 'records');
  const perRecord = new Map<string, number[]>();
  const whole: number[] = [];
  for (const id of ids.slice(0, 50)) {
    const input = detectorInput(db, now.toISOString());
    for (const detector of records) {
      const [, t] = time(() => {
        const subjects = new Set([...detector.subjectsOf(input, [id]), ...flaggedSubjectsOf(db, detector.id, [id])]);
        for (const subject of subjects) detector.evaluate(input, subject);
      });
      perRecord.set(detector.id, [...(perRecord.get(detector.id) ?? []), t]);
    }
    whole.push(time(() => db.transaction(() => recomputeApplications(db, [id], now.toISOString()))())[1]);
  }
  for (const [id, times] of [...perRecord].sort((a, b) => p50(b[1]) - p50(a[1]))) {
    log('record detector, one application', id, 'p50', ms(p50(times)), 'max', ms(Math.max(...times)));
  }
  log('incremental, all record detectors of one application (transaction)', 'p50', ms(p50(whole)));

  // The next day: the first list judges the deadlines again.
  now = new Date('2026-12-05T02:00:00Z');
  log('first risk.list of the next day', ms(time(() => listRiskFlags(ctx, { offset: 0, limit: 50 }))[1]));
} finally {
  db.close();
  if (!process.env.PROBE_KEEP) fs.rmSync(copy, { recursive: true, force: true });
}
