/**
 * The demo hall of the export bench: BENCH_EXPORT_APPS applications made by `yekuo demo`'s generator through the
 * services (events, schemes, hash-chained audit entries as for real work), generated once into BENCH_EXPORT_DATA
 * (default a temp folder named by the count) and reused; each measurement works on a copy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, openDatabase } from '../main/db/connection';
import { runDemo } from '../main/services/demo/runDemo';
import { initHall } from '../main/services/hall';

export const BENCH_SESSION = { userId: 'bench', name: '基准', role: 'admin' as const };
export const BENCH_HALL = 'BENCH01';

/** The generated hall's folder (made on first use; a few minutes for 100,000 applications). */
export function demoHall(count: number): string {
  const dir = process.env.BENCH_EXPORT_DATA ?? path.join(os.tmpdir(), `yekuo-bench-export-${count}`);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const db = openDatabase(path.join(dir, DATABASE_FILE));
  const ctx = { db, dataDir: dir, session: BENCH_SESSION };
  initHall(ctx, { code: BENCH_HALL, name: '基准营业厅' });
  runDemo(ctx, { count, seed: 1, days: 365, endDate: new Date('2026-12-04T00:00:00Z'), batchSize: 1000 });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}

/**
 * A copy of the hall folder to export from (the generated one stays unexported), opened once here so that it is
 * at the current schema before anything is measured: a hall cached by older code was otherwise migrated inside
 * the measured export process, and the migrations' memory counted in its peak RSS (368 MB instead of 246 MB for
 * the 100,000 hall). The cache itself is left at its version (other worktrees' code may be older).
 */
export function copyOfHall(source: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-bench-export-copy-'));
  fs.cpSync(source, copy, { recursive: true });
  openDatabase(path.join(copy, DATABASE_FILE)).close();
  return copy;
}
