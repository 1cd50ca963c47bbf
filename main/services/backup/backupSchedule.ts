/**
 * 自动备份 (issue 10): a copy at start when the day (Asia/Shanghai) has none yet, and one a day while the app
 * runs (the desktop's services worker, the web harness). Any copy of the day counts, a manual one too, so a PC
 * started five times a day keeps one automatic copy a day; the rotation then keeps 7 daily and 4 weekly ones.
 * The clock is injected, so the behaviour is tested without waiting.
 */
import type { Db } from '../../db/connection';
import type { HandlerContext, Session } from '../../ipc/context';
import { supportLog } from '../../log/supportLog';
import { shanghaiDate } from '../clock';
import type { PrivateKeyStore } from '../keys/hallKeys';
import { backupsDirOf, createBackup } from './backups';
import { readManifest, type BackupRecord } from './manifest';

/** Who an automatic backup acts as (it writes no audit entry: a signed chain head and the manifest record). */
const BACKUP_SESSION: Session = { userId: 'system', name: '自动备份', role: 'admin' };

/** How often a running app looks whether the day's copy is due. */
export const BACKUP_CHECK_MS = 60 * 60_000;

export interface BackupStore {
  db: Db;
  dataDir: string;
  hallKeyStore?: PrivateKeyStore;
}

export class BackupScheduler {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: BackupStore,
    private readonly now: () => Date = () => new Date(),
    /** Told when an automatic backup fails (the desktop shows a system notification). */
    private readonly onFailure: (message: string) => void = () => undefined,
  ) {}

  /** True when the data folder's backups hold no copy made today. */
  due(): boolean {
    const today = shanghaiDate(this.now());
    return !readManifest(backupsDirOf(this.store.dataDir)).some((r) => shanghaiDate(new Date(r.createdAt)) === today);
  }

  /** The copy of the day when due: `start` at start-up, `daily` from the timer. Never throws. */
  run(kind: 'start' | 'daily'): BackupRecord | null {
    if (!this.due()) return null;
    const ctx: HandlerContext = {
      db: this.store.db,
      dataDir: this.store.dataDir,
      session: BACKUP_SESSION,
      now: this.now,
      ...(this.store.hallKeyStore ? { hallKeyStore: this.store.hallKeyStore } : {}),
    };
    const log = supportLog(this.store.dataDir);
    try {
      const record = createBackup(ctx, { kind });
      log.info({ event: 'backup', kind, file: record.file, integrity: record.check.integrity }, '自动备份');
      return record;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error({ event: 'backup-failed', kind, err: error }, '自动备份失败');
      this.onFailure(message);
      return null;
    }
  }

  /** At start-up: the day's copy if due, then a look every hour. */
  start(): void {
    this.run('start');
    this.timer = setInterval(() => this.run('daily'), BACKUP_CHECK_MS);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
