/**
 * `npm run dev:web -- [--port 5178] [--data DIR] [--key-file FILE] [--seed-users FILE] [--demo-count N]
 *   [--tally-check-ms MS]`
 * Runs the real UI against the real services without Electron (the Electron binary is not needed). Callers
 * sign in like on the desktop (first-run wizard, sign-in screen). Without `--data` (and YEKUO_DATA) it opens the
 * persistent demo hall (demoHall.ts), built on first use with `--demo-count` applications (default 3,000).
 * `--seed-users FILE` is for tests only: a JSON list of users with passwords, accepted only when the data folder
 * has no database yet. `--tally-check-ms MS` is for tests only too: how often the harness looks whether the
 * process tally counts in the calendar in force (default 5,000, tallyRebuild.ts), so that a test can see 流程分析's
 * 按旧日历统计 notice before the look rebuilds the tally.
 * Prints `listening <url>` once ready, so tests can wait for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ROLE_LABELS } from '../../shared/domain/codes';
import { DATABASE_FILE } from '../db/connection';
import { ownerOnlyFromNowOn, prepareDataFolder } from '../db/dataFolder';
import { keyFileFor } from '../db/databaseKey';
import { ExportScheduler } from '../export/exportScheduler';
import { startHarness } from './harness';
import type { StoreContext } from '../services/auth/storeContext';
import { BackupScheduler } from '../services/backup/backupSchedule';
import { openOrServeRecovery } from './recoveryServer';
import { readSeedUsers, seedUsers } from './seedUsers';
import { logStart } from '../log/supportLog';
import { startDailyRiskScan } from '../services/risk/dailyRiskScan';
import { startTallyRebuild } from '../services/stats/tallyRebuild';
import { APP_VERSION } from '../services/appVersion';
import { SCHEMA_VERSION } from '../db/migrations';
import { DEMO_PASSWORD, DEMO_USERS, demoHallDir, ensureDemoHall } from './demoHall';

ownerOnlyFromNowOn();

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5178' },
    data: { type: 'string' },
    'key-file': { type: 'string' },
    'seed-users': { type: 'string' },
    'demo-count': { type: 'string' },
    'tally-check-ms': { type: 'string' },
  },
});

const options = z
  .object({
    port: z.coerce.number().int().min(0).max(65535),
    data: z.string().optional(),
    'key-file': z.string().optional(),
    'seed-users': z.string().optional(),
    'demo-count': z.coerce.number().int().min(1).max(100_000).optional(),
    'tally-check-ms': z.coerce.number().int().min(100).max(86_400_000).optional(),
  })
  .safeParse(values);
if (!options.success) {
  console.error(
    `参数有误 / bad arguments: ${options.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
  process.exit(2);
}

const demoHall = options.data.data === undefined && process.env.YEKUO_DATA === undefined;
const dataDir = path.resolve(options.data.data ?? process.env.YEKUO_DATA ?? demoHallDir());
const databaseFile = path.join(dataDir, DATABASE_FILE);
const seedFile = options.data['seed-users'];
if (seedFile && fs.existsSync(databaseFile)) {
  console.error(
    `--seed-users 只用于测试，且只能用于新的数据目录：${dataDir} 已有数据库，未做任何改动。/ --seed-users needs a new data folder`,
  );
  process.exit(2);
}
let seeds;
try {
  seeds = seedFile ? readSeedUsers(seedFile) : undefined;
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
if (demoHall && !seedFile) await openDemoHall(dataDir, options.data['key-file'], options.data['demo-count']);
prepareDataFolder(dataDir);
// A refused database (damaged, foreign, newer) shows the recovery page instead of the app.
// After a restore from that page, the harness starts on the page's port with the restored database.
const { db, port } = await openOrServeRecovery({
  port: options.data.port,
  dataDir,
  keyFile: keyFileFor(dataDir, options.data['key-file']),
});
// A restore from the 备份与恢复 page reopens the database: every later call and both schedules use the new one.
const store: StoreContext = {
  db,
  dataDir,
  replaceDatabase: (next) => {
    store.db = next;
  },
};
if (seeds) await seedUsers(store, seeds);
const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

const harness = await startHarness({ port, staticDir, store });
// A read-only data folder opens for reading (the UI says so): nothing is logged or scheduled that would write.
const readOnly = db.readonly;
if (!readOnly) logStart(dataDir, 'web', APP_VERSION, SCHEMA_VERSION);
console.log(`listening ${harness.url} (data: ${dataDir}${readOnly ? ', read-only' : ''})`);
// The export schedule runs while the harness does, as in the desktop's services worker.
const scheduler = new ExportScheduler(store, undefined, (message) => console.error(message));
if (!readOnly) scheduler.start();
// And the day's backup: at start when none was made today, then daily.
const backups = new BackupScheduler(store, undefined, (message) => console.error(message));
if (!readOnly) backups.start();
// And the day's risk scan of the audit chain (RISK-INT-05).
const stopDailyRiskScan = readOnly ? () => undefined : startDailyRiskScan(store);
// And the process tally's rebuild after a calendar change.
const stopTallyRebuild = readOnly ? () => undefined : startTallyRebuild(store, options.data['tally-check-ms']);

const stop = () => {
  backups.stop();
  stopDailyRiskScan();
  stopTallyRebuild();
  void Promise.all([harness.close(), scheduler.stop()]).finally(() => {
    store.db.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/** Builds the demo hall on first use (with a progress line) and says how to sign in, every time. */
async function openDemoHall(dir: string, keyFile: string | undefined, count: number | undefined): Promise<void> {
  try {
    const built = await ensureDemoHall(dir, {
      ...(keyFile ? { keyFile } : {}),
      ...(count ? { count } : {}),
      onProgress: (done, count) => console.log(`生成演示数据 ${done}/${count}`),
    });
    if (built) console.log(`已建立演示营业厅：${dir}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const users = DEMO_USERS.map((u) => `${u.id}（${u.name}，${ROLE_LABELS[u.role]}）`).join('、');
  console.log(`演示营业厅（演示数据）：${dir}；登录工号 ${users}，密码均为 ${DEMO_PASSWORD}`);
}
