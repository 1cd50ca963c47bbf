/**
 * The services host thread: opens the hall database and answers requests through the same handler table as
 * everything else, so a search over a million rows, a demo run or a long export never blocks the Electron
 * main process (Actual Budget and Signal host their data layer off the UI thread the same way).
 * The desktop's session lives here, in the worker's slot: set by the sign-in channels, read by every handler's
 * role check, never sent to the renderer to be sent back.
 * Messages: { id, channel, input } → { id, result }; { type: 'close' } closes the database (checkpointing the
 * WAL) and ends the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openHallDatabase } from '../db/readOnlyFolder';
import { DatabaseRefused } from '../db/startupCheck';
import { ExportScheduler } from '../export/exportScheduler';
import { BackupScheduler } from '../services/backup/backupSchedule';
import { startDailyRiskScan } from '../services/risk/dailyRiskScan';
import { startTallyRebuild } from '../services/stats/tallyRebuild';
import { memorySessionSlot, type CallerContext } from './context';
import { dispatch } from './dispatch';
import { logStart } from '../log/supportLog';
import { APP_VERSION } from '../services/appVersion';
import { SCHEMA_VERSION } from '../db/migrations';

export interface WorkerInit {
  dataDir: string;
  /** The database key in hex (the desktop's, from safeStorage). Default: the data folder's key file. */
  databaseKeyHex?: string;
}

export type WorkerRequest = { id: number; channel: string; input: unknown } | { type: 'close' };

const port = parentPort;
if (!port) throw new Error('main/ipc/worker.ts must run in a worker thread');

const init = workerData as WorkerInit;
let ctx: CallerContext;
let scheduler: ExportScheduler;
let backups: BackupScheduler;
let stopDailyRiskScan: () => void = () => undefined;
let stopTallyRebuild: () => void = () => undefined;
try {
  const key = init.databaseKeyHex === undefined ? undefined : Buffer.from(init.databaseKeyHex, 'hex');
  // A read-only data folder opens for reading (a snapshot): nothing is scheduled that would write there.
  const db = openHallDatabase(init.dataDir, { key });
  ctx = {
    db,
    dataDir: init.dataDir,
    sessions: memorySessionSlot(),
    // A restore from the 备份与恢复 page: later calls and both schedules use the reopened database.
    replaceDatabase: (next) => {
      ctx.db = next;
    },
  };
  // The export schedule runs here, beside the database; a failed run becomes a system notification.
  scheduler = new ExportScheduler(ctx, undefined, (message) =>
    port.postMessage({ type: 'notice', title: '数据导出', message }),
  );
  if (!db.readonly) scheduler.start();
  backups = new BackupScheduler(ctx, undefined, (message) =>
    port.postMessage({ type: 'notice', title: '自动备份', message }),
  );
  if (!db.readonly) logStart(init.dataDir, 'desktop', APP_VERSION, SCHEMA_VERSION);
  port.postMessage({ type: 'ready' });
  // After 'ready': the window opens while the day's first copy is written.
  if (!db.readonly) backups.start();
  // And the day's risk scan of the audit chain (RISK-INT-05), off the requests' path.
  if (!db.readonly) stopDailyRiskScan = startDailyRiskScan(ctx);
  // And the process tally's rebuild after a calendar change (流程分析 shows the last tally meanwhile).
  if (!db.readonly) stopTallyRebuild = startTallyRebuild(ctx);
} catch (error) {
  const refusal = error instanceof DatabaseRefused ? { reason: error.reason, file: error.file } : undefined;
  port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error), refusal });
  process.exit(1);
}

port.on('message', (request: WorkerRequest) => {
  if ('type' in request) {
    backups.stop();
    stopDailyRiskScan();
    stopTallyRebuild();
    void scheduler.stop().finally(() => {
      ctx.db.close();
      port.close();
    });
    return;
  }
  void dispatch(ctx, request.channel, request.input).then((result) => {
    port.postMessage({ id: request.id, result });
    if (request.channel === 'auth.signOut' && result.ok) void scheduler.signedOut();
  });
});
