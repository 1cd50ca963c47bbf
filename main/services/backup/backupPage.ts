/**
 * 备份与恢复 (administrators): the copies in the data folder's backups/ with their recorded checks, a copy now,
 * a check again, and a restore while the app runs. A copy is named by its file name only; the restore puts
 * the reopened connection in place through `ctx.replaceDatabase` (desktop worker, web harness).
 */
import path from 'node:path';
import type { BackupCheckView, BackupItem, BackupsView, RestoreOutcome } from '../../../shared/api/backups';
import type { HandlerContext } from '../../ipc/context';
import { supportLog } from '../../log/supportLog';
import { verifyAuditOf } from '../audit';
import { AppError } from '../errors';
import { keyOfConnection } from '../../db/databaseFile';
import { getHall } from '../../db/repositories/hallRepo';
import { backupsDirOf, createBackup, hallKeysOf, listBackups } from './backups';
import { checkPassed } from './checkBackup';
import { restoreDatabase, verifiedBackup } from './restore';
import { secondBackupFolder } from './settings';

type Listed = ReturnType<typeof listBackups>[number];

function itemOf(copy: Listed): BackupItem {
  return { ...copy, good: copy.check !== undefined && checkPassed(copy.check) };
}

export function backupsView(ctx: HandlerContext): BackupsView {
  const dir = backupsDirOf(ctx.dataDir);
  return { dir, secondFolder: secondBackupFolder(ctx.db) ?? null, backups: listBackups(dir).map(itemOf) };
}

export function backupNow(ctx: HandlerContext): BackupItem {
  const record = createBackup(ctx, { kind: 'manual' });
  supportLog(ctx.dataDir).info(
    { event: 'backup', kind: 'manual', file: record.file, integrity: record.check.integrity },
    '手动备份',
  );
  return itemOf(record);
}

function fileOf(ctx: HandlerContext, file: string): string {
  return path.join(backupsDirOf(ctx.dataDir), file);
}

/**
 * The restore's first step, on its own so the page can show it: the copy is checked again now (it opens with
 * this hall's key, integrity_check, audit verify, same hall, not newer than the app). Refuses a copy that fails.
 */
export function checkBeforeRestore(ctx: HandlerContext, file: string): BackupCheckView {
  return verifiedBackup(
    fileOf(ctx, file),
    keyOfConnection(ctx.db),
    hallKeysOf(ctx),
    ctx.now?.() ?? new Date(),
    getHall(ctx.db)?.code,
  );
}

export function restoreWhileRunning(ctx: HandlerContext, file: string): RestoreOutcome {
  const replace = ctx.replaceDatabase;
  if (!replace) {
    throw new AppError(
      'ILLEGAL_STATE',
      '此处不能在运行中恢复数据库：请关闭客户端后在命令行执行 yekuo restore 备份文件。',
    );
  }
  const restored = restoreDatabase(ctx, fileOf(ctx, file));
  replace(restored.db);
  const verify = verifyAuditOf({ ...ctx, db: restored.db });
  supportLog(ctx.dataDir).info(
    { event: 'restore', file, before: path.basename(restored.before), auditOk: verify.ok, by: ctx.session.userId },
    '从备份恢复',
  );
  return { file, before: restored.before, auditOk: verify.ok, auditChecked: verify.checked };
}
