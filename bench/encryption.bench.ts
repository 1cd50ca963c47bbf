/**
 * The cost of encryption at rest (issue #10): the same applications created through the services and the same
 * searches, once in an encrypted database (SQLCipher 4 scheme, the app's setting) and once in an unencrypted
 * one (the baseline), in the same run. BENCH_ENC_APPS applications per store (default 20 000).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUSINESS_TYPES, BUSINESS_TYPE_INFO } from '../shared/domain/codes';
import { stagePlan } from '../shared/workflow/stagePlans';
import { DATABASE_FILE, openDatabase } from '../main/db/connection';
import { newDatabaseKey, type DatabaseKey } from '../main/db/databaseKey';
import type { HandlerContext } from '../main/ipc/context';
import { createApplication } from '../main/services/applications/createApplication';
import { demoApplication } from '../main/services/demo/demoApplication';
import { Prng } from '../main/services/demo/prng';
import { initHall } from '../main/services/hall';
import { inOneTransaction } from '../main/services/mutation';
import { searchApplications } from '../main/services/search';
import { p50, round, sample } from './stats';
import type { BenchRow } from './types';

const SUITE = 'encryption';
const session = { userId: 'bench', name: '基准', role: 'supervisor' as const };

interface Measured {
  createRate: number;
  searchP50: number;
  openP50: number;
}

async function measure(key: DatabaseKey | null, records: unknown[], texts: string[]): Promise<Measured> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-bench-enc-'));
  const file = path.join(dir, DATABASE_FILE);
  const ctx: HandlerContext = { db: openDatabase(file, { key }), dataDir: dir, session };
  try {
    initHall(ctx, { code: 'BENCH01', name: '基准营业厅' });
    const started = performance.now();
    for (let from = 0; from < records.length; from += 1000) {
      inOneTransaction(ctx, () => {
        for (const record of records.slice(from, from + 1000)) createApplication(ctx, record);
      });
    }
    const createRate = records.length / ((performance.now() - started) / 1000);
    let i = 0;
    const times = await sample(() => searchApplications(ctx, { text: texts[i++ % texts.length]!, limit: 50 }), 300, 20);
    ctx.db.close();
    const opens = await sample(() => openDatabase(file, { key }).close(), 20, 3);
    return { createRate, searchP50: p50(times), openP50: p50(opens) };
  } finally {
    if (ctx.db.open) ctx.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  const count = Number(process.env.BENCH_ENC_APPS ?? 20_000);
  const rng = new Prng(17);
  const records = Array.from({ length: count }, (_, i) => {
    const type = BUSINESS_TYPES[i % BUSINESS_TYPES.length]!;
    const cls = rng.pick(BUSINESS_TYPE_INFO[type].classes);
    return demoApplication(rng, { type, cls, applicationDate: '2026-03-02', plan: stagePlan(type, cls), target: 0 });
  });
  // 3–6 characters of names, addresses, phones and ID numbers of the stored records (the trigram path).
  const texts = Array.from({ length: 300 }, () => {
    const r = records[rng.int(0, records.length - 1)] as {
      customer: { name: string; phone: string; idNumber: string };
      site: { address: string };
    };
    const text = [...rng.pick([r.customer.name, r.customer.phone, r.customer.idNumber, r.site.address])];
    const length = Math.min(text.length, rng.int(3, 6));
    const at = rng.int(0, text.length - length);
    return text.slice(at, at + length).join('');
  });
  const plain = await measure(null, records, texts);
  const encrypted = await measure(newDatabaseKey(), records, texts);
  const note = 'baseline: the same work on an unencrypted database, same run';
  return [
    {
      suite: SUITE,
      case: `create via services, encrypted (${count} applications)`,
      value: Math.round(encrypted.createRate),
      unit: 'apps/s',
      goal: '>= 20000/s',
      pass: encrypted.createRate >= 20_000,
      baseline: Math.round(plain.createRate),
      note,
    },
    {
      suite: SUITE,
      case: `search 3+ characters p50, encrypted (${count} apps)`,
      value: round(encrypted.searchP50, 2),
      unit: 'ms',
      goal: '< 5 ms',
      pass: encrypted.searchP50 < 5,
      baseline: round(plain.searchP50, 2),
      note,
    },
    {
      suite: SUITE,
      case: `open database + check migrations, encrypted (${count} apps)`,
      value: round(encrypted.openP50, 2),
      unit: 'ms',
      goal: '< 100 ms',
      pass: encrypted.openP50 < 100,
      baseline: round(plain.openP50, 2),
      note,
    },
  ];
}
