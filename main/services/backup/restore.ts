/**
 * Restores a backup copy over the hall database: the copy is checked first (it opens with this hall's key,
 * integrity_check, audit verify, same hall, not newer than the app), the current file is kept as
 * `yekuo.sqlite.before-restore`, the copy is written to a temp name, fsynced and renamed into place, and the
 * database is opened again (applying migrations to an older copy). Refused untouched while another connection
 * (a second window, a CLI) has the database open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, openDatabase, type Db } from '../../db/connection';
import { keyOfConnection } from '../../db/databaseFile';
import type { DatabaseKey } from '../../db/databaseKey';
import { SCHEMA_VERSION } from '../../db/migrations';
import { getHall } from '../../db/repositories/hallRepo';
import { DatabaseRefused } from '../../db/startupCheck';
import type { HandlerContext } from '../../ipc/context';
import { fsyncFile } from '../durableFiles';
import { AppError } from '../errors';
import type { HallKeys } from '../keys/hallKeys';
import { hallKeysOf } from './backups';
import { checkBackupFile, checkPassed } from './checkBackup';
import type { BackupCheck } from './manifest';

export const BEFORE_RESTORE_SUFFIX = '.before-restore';

export interface Restored {
  /** The reopened database: the caller's context must use it from now on (the old connection is closed). */
  db: Db;
  check: BackupCheck;
  /** Where the replaced database was kept. */
  before: string;
}

export function restoreDatabase(ctx: HandlerContext, backupFile: string): Restored {
  const source = path.resolve(backupFile);
  const key = keyOfConnection(ctx.db);
  const check = verifiedBackup(source, key, hallKeysOf(ctx), ctx.now?.() ?? new Date(), getHall(ctx.db)?.code);
  const live = path.join(ctx.dataDir, DATABASE_FILE);
  const [busy] = ctx.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (busy && busy.busy !== 0) {
    throw new AppError('CONFLICT', '其他客户端或命令行正在使用数据库，未恢复：请先关闭它们，再恢复备份。');
  }
  ctx.db.close();
  return { ...swapInCopy(live, source, key), check };
}

/**
 * The recovery page's restore: the hall database was refused at start-up (damaged, unreadable), so there is no
 * connection to take the key, the hall code or the chain from. The copy must open with the data folder's key
 * and pass its checks; the refused file is kept as `*.before-restore` with its WAL beside it, byte for byte.
 */
export function restoreOverRefused(
  dataDir: string,
  backupFile: string,
  key: DatabaseKey,
  hallKeys: HallKeys | undefined,
  now: Date,
): Restored {
  const source = path.resolve(backupFile);
  const check = verifiedBackup(source, key, hallKeys, now, undefined);
  return { ...swapInCopy(path.join(dataDir, DATABASE_FILE), source, key), check };
}

/** Keeps the live file (and its WAL) as `*.before-restore`, puts the copy in its place and opens it. */
function swapInCopy(live: string, source: string, key: DatabaseKey | null): Omit<Restored, 'check'> {
  const before = `${live}${BEFORE_RESTORE_SUFFIX}`;
  const companions = ['-wal', '-shm'].filter((suffix) => fs.existsSync(`${live}${suffix}`));
  fs.renameSync(live, before);
  for (const suffix of companions) fs.renameSync(`${live}${suffix}`, `${before}${suffix}`);
  try {
    const temp = `${live}.restore.tmp`;
    fs.copyFileSync(source, temp);
    fs.chmodSync(temp, 0o600);
    fsyncFile(temp);
    fs.renameSync(temp, live);
    return { db: openDatabase(live, { key }), before };
  } catch (error) {
    // Put the database back as it was: a failed restore must not leave the hall without its data.
    fs.rmSync(live, { force: true });
    fs.renameSync(before, live);
    for (const suffix of companions) fs.renameSync(`${before}${suffix}`, `${live}${suffix}`);
    throw error;
  }
}

/** The copy's check, or the refusal saying why it may not replace the hall database (nothing touched yet). */
export function verifiedBackup(
  source: string,
  key: DatabaseKey | null,
  hallKeys: HallKeys | undefined,
  now: Date,
  hall: string | undefined,
): BackupCheck {
  if (!fs.existsSync(source)) {
    throw new AppError('NOT_FOUND', `找不到备份文件 ${source}：请检查路径。`);
  }
  let check: BackupCheck;
  try {
    check = checkBackupFile(source, key, hallKeys, now);
  } catch (error) {
    if (!(error instanceof DatabaseRefused)) throw error;
    throw new AppError(
      'BAD_INPUT',
      `备份文件 ${source} 无法用本数据目录的密钥打开：它不是本营业厅的备份，或文件已损坏。未作任何修改，请选择另一份备份。`,
    );
  }
  const name = path.basename(source);
  if (!checkPassed(check)) {
    const why = check.integrity !== 'ok' ? `完整性检查：${check.integrity}` : (check.auditMessage ?? '审计校验未通过');
    throw new AppError('BAD_INPUT', `备份 ${name} 未通过校验（${why}），未恢复：请选择另一份备份。`);
  }
  if (check.schemaVersion > SCHEMA_VERSION) {
    throw new AppError(
      'BAD_INPUT',
      `备份 ${name} 来自更新版本的客户端（数据库版本 ${check.schemaVersion}），未恢复：请先升级客户端。`,
    );
  }
  if (hall && check.hallCode !== hall) {
    throw new AppError(
      'BAD_INPUT',
      `备份 ${name} 属于营业厅 ${check.hallCode ?? '（未初始化）'}，本数据目录是营业厅 ${hall}，未恢复：请选择本营业厅的备份。`,
    );
  }
  return check;
}
