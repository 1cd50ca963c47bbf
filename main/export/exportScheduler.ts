/**
 * 定时导出: runs the export setting's schedule while the app (the desktop's services worker, or the web harness)
 * is running. Daily at HH:MM (Asia/Shanghai): the day's run is due from HH:MM until a run (scheduled or by hand)
 * made after it, so a PC switched on at 19:00 still exports that evening. At sign-out: every sign-out exports,
 * so the last user's sign-out leaves the day's changes exported. Between runs, the outbox's due retries are sent
 * to HQ. The clock is injected, so the whole behaviour is tested under Node without waiting.
 */
import type { ExportRunResult } from '../../shared/api/export';
import type { Db } from '../db/connection';
import { unacknowledgedBatches } from '../db/repositories/exportRepo';
import type { HandlerContext, Session } from '../ipc/context';
import type { PrivateKeyStore } from '../services/keys/hallKeys';
import { readExportSettings } from './exportSettings';
import { exportNow } from './exportNow';
import { deliverOutbox } from './hqDelivery';
import { lastExportAt, nextDailyRun, nextRunOf } from './schedule';

/** Who a scheduled run acts as (it writes no audit entry: batches and receipts live in the export ledger). */
const SCHEDULER_SESSION: Session = { userId: 'system', name: '定时导出', role: 'admin' };

export interface SchedulerStore {
  db: Db;
  dataDir: string;
  hallKeyStore?: PrivateKeyStore;
}

export type TickOutcome =
  | { kind: 'idle' }
  | { kind: 'exported'; result: ExportRunResult }
  | { kind: 'sent'; delivered: number[]; error: string | null }
  | { kind: 'failed'; message: string };

export class ExportScheduler {
  private lastRun: Date | null = null;
  private running: Promise<TickOutcome> | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: SchedulerStore,
    private readonly now: () => Date = () => new Date(),
    /** Told when a scheduled run fails (the desktop shows a system notification). */
    private readonly onFailure: (message: string) => void = () => undefined,
  ) {}

  private context(): HandlerContext {
    return {
      db: this.store.db,
      dataDir: this.store.dataDir,
      session: SCHEDULER_SESSION,
      now: this.now,
      ...(this.store.hallKeyStore ? { hallKeyStore: this.store.hallKeyStore } : {}),
    };
  }

  /** The later of this process's last scheduled run and the ledger's last batch. */
  private lastRunAt(): Date | null {
    const ledger = lastExportAt(this.store.db);
    if (!ledger) return this.lastRun;
    return !this.lastRun || ledger > this.lastRun ? ledger : this.lastRun;
  }

  nextRun(): Date | null {
    return nextRunOf(readExportSettings(this.store.db).schedule, this.lastRunAt(), this.now());
  }

  /** One look at the clock: the daily run when due, else the outbox's due retries. Never two at once. */
  tick(): Promise<TickOutcome> {
    this.running ??= this.work('tick').finally(() => (this.running = null));
    return this.running;
  }

  /** A user signed out: with the 签退时导出 schedule, export now. */
  signedOut(): Promise<TickOutcome> {
    if (readExportSettings(this.store.db).schedule.kind !== 'signOut') return Promise.resolve({ kind: 'idle' });
    this.running ??= this.work('signOut').finally(() => (this.running = null));
    return this.running;
  }

  private async work(reason: 'tick' | 'signOut'): Promise<TickOutcome> {
    const settings = readExportSettings(this.store.db);
    const now = this.now();
    try {
      const due =
        reason === 'signOut' ||
        (settings.schedule.kind === 'daily' && nextDailyRun(settings.schedule.at, this.lastRunAt(), now) <= now);
      if (due) {
        this.lastRun = now;
        const result = await exportNow(this.context(), { dueOnly: true });
        if (result.sendError) this.onFailure(`定时导出已生成数据包，但送达总部失败：${result.sendError}`);
        return { kind: 'exported', result };
      }
      if (!settings.hqUrl || !settings.hqPublicKey || unacknowledgedBatches(this.store.db).length === 0) {
        return { kind: 'idle' };
      }
      const sent = await deliverOutbox(this.context(), {
        url: settings.hqUrl,
        hqPublicKey: settings.hqPublicKey,
        dueOnly: true,
      });
      return { kind: 'sent', delivered: sent.delivered, error: sent.failed?.message ?? null };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.onFailure(`定时导出失败：${message}`);
      return { kind: 'failed', message };
    }
  }

  /** Looks at the clock every `intervalMs` until stop(); the timer never keeps the process alive. */
  start(intervalMs = 30_000): void {
    this.timer ??= setInterval(() => void this.tick(), intervalMs);
    this.timer.unref?.();
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
