/**
 * The services host thread: opens the hall database and answers requests through the same handler table as
 * everything else, so a search over a million rows, a demo run or a long export never blocks the Electron
 * main process (Actual Budget and Signal host their data layer off the UI thread the same way).
 * Messages: { id, channel, input } → { id, result }; { type: 'session', session } replaces the caller;
 * { type: 'close' } closes the database (checkpointing the WAL) and ends the thread.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { DATABASE_FILE, openDatabase } from '../db/connection';
import { DatabaseRefused } from '../db/startupCheck';
import { prepareDataFolder } from '../db/dataFolder';
import type { HandlerContext, Session } from './context';
import { dispatch } from './dispatch';

export interface WorkerInit {
  dataDir: string;
  session: Session;
  /** The database key in hex (the desktop's, from safeStorage). Default: the data folder's key file. */
  databaseKeyHex?: string;
}

export type WorkerRequest =
  { id: number; channel: string; input: unknown } | { type: 'session'; session: Session } | { type: 'close' };

const port = parentPort;
if (!port) throw new Error('main/ipc/worker.ts must run in a worker thread');

const init = workerData as WorkerInit;
prepareDataFolder(init.dataDir);
let ctx: HandlerContext;
try {
  const key = init.databaseKeyHex === undefined ? undefined : Buffer.from(init.databaseKeyHex, 'hex');
  ctx = {
    db: openDatabase(path.join(init.dataDir, DATABASE_FILE), { key }),
    dataDir: init.dataDir,
    session: init.session,
  };
  port.postMessage({ type: 'ready' });
} catch (error) {
  const refusal = error instanceof DatabaseRefused ? { reason: error.reason, file: error.file } : undefined;
  port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error), refusal });
  process.exit(1);
}

port.on('message', (request: WorkerRequest) => {
  if ('type' in request) {
    if (request.type === 'session') ctx = { ...ctx, session: request.session };
    else {
      ctx.db.close();
      port.close();
    }
    return;
  }
  void dispatch(ctx, request.channel, request.input).then((result) => port.postMessage({ id: request.id, result }));
});
