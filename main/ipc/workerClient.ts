/**
 * Client of the services worker (main/ipc/worker.ts) for the Electron main process and tests:
 * `call(channel, input)` has the signature of `dispatch`, so the shell can swap one for the other.
 */
import { Worker } from 'node:worker_threads';
import type { Result } from '../../shared/api/result';
import { DatabaseRefused, type RefusalReason } from '../db/startupCheck';
import type { WorkerInit } from './worker';

export interface WorkerClient {
  call(channel: string, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
}

export interface WorkerClientOptions extends WorkerInit {
  /**
   * The worker script. Default: workerSource.mjs, which loads the TypeScript source through tsx (harness,
   * tests); the Electron bundle passes its compiled worker file instead.
   */
  workerFile?: string | URL;
  /** A notice from the worker (a scheduled export that failed); the desktop shows a system notification. */
  onNotice?: (title: string, message: string) => void;
}

interface StartMessage {
  type: string;
  message?: string;
  refusal?: { reason: RefusalReason; file: string };
}

export async function startWorkerClient(options: WorkerClientOptions): Promise<WorkerClient> {
  const file = options.workerFile ?? new URL('./workerSource.mjs', import.meta.url);
  const worker = new Worker(file, {
    workerData: { dataDir: options.dataDir, databaseKeyHex: options.databaseKeyHex } satisfies WorkerInit,
  });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;

  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: StartMessage) => {
      if (message.type === 'ready') resolve();
      else if (message.refusal) {
        // The database was refused at start-up: the shell shows the recovery page for this reason.
        reject(new DatabaseRefused(message.refusal.reason, message.refusal.file, message.message ?? ''));
      } else reject(new Error(message.message ?? '服务线程启动失败'));
    });
  });

  worker.on(
    'message',
    (message: { id?: number; result?: Result<unknown>; type?: string; title?: string; message?: string }) => {
      if (message.type === 'notice') options.onNotice?.(message.title ?? '', message.message ?? '');
      if (message.id === undefined || !message.result) return;
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    },
  );
  const failAll = (text: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message: text } });
    pending.clear();
  };
  worker.on('error', (error) => failAll(`服务线程出错，操作未完成：${error.message}`));
  worker.on('exit', () => failAll('服务线程已退出，操作未完成：请重启客户端。'));

  return {
    call(channel, input) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ id, channel, input });
      });
    },
    async close() {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ type: 'close' });
      await exited;
    },
  };
}
