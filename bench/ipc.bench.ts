import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../main/db/connection';
import { dispatch } from '../main/ipc/dispatch';
import type { BenchRow } from './types';
import { p50, round, sample } from './stats';

/** The cost of one trip through the handler table (parse, authorise, run) without any transport. */
export async function run(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-bench-ipc-'));
  const db = openDatabase(path.join(dir, 'yekuo.sqlite'));
  const ctx = { db, dataDir: dir, session: { userId: 'bench', name: '基准', role: 'clerk' as const } };
  try {
    const times = await sample(() => dispatch(ctx, 'system.info', {}), 2000);
    return [{ suite: 'ipc', case: 'dispatch system.info p50', value: round(p50(times) * 1000, 1), unit: 'µs' }];
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
