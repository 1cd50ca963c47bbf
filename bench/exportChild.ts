/**
 * One export in its own process, for bench/export.bench.ts: `node --import tsx bench/exportChild.ts DIR` creates
 * the next batch of the hall in DIR and prints one JSON line: the export's own time (after start-up), the CPU
 * time of the process and of its main thread alone (Linux; the rest is the deflate thread), the process's peak
 * RSS, the batch's rows and bundle size, and the bundle's path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DATABASE_FILE, openDatabase } from '../main/db/connection';
import { createExportBatch, outboxDir } from '../main/export/createBatch';
import { hallKeysOf } from '../main/export/exportStatus';
import { BENCH_SESSION } from './exportHall';

const dir = process.argv[2]!;
const db = openDatabase(path.join(dir, DATABASE_FILE));
const ctx = { db, dataDir: dir, session: BENCH_SESSION };
/** CPU milliseconds of the main thread (utime + stime of /proc/self/task/<pid>/stat, in 1/100 s); null off Linux. */
function mainThreadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

const cpuBefore = process.cpuUsage();
const mainBefore = mainThreadCpuMs();
const started = performance.now();
const batch = await createExportBatch(ctx, { keys: hallKeysOf(ctx) });
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const mainAfter = mainThreadCpuMs();
db.close();
if (!batch) throw new Error(`nothing to export in ${dir}`);
process.stdout.write(
  `${JSON.stringify({
    ms,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    mainThreadCpuMs: mainBefore === null || mainAfter === null ? null : mainAfter - mainBefore,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    rows: Object.values(batch.rows).reduce((a, b) => a + b, 0),
    bytes: batch.size,
    file: path.join(outboxDir(dir), batch.file),
  })}\n`,
);
