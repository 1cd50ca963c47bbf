/**
 * What the recovery page offers: the copies in the data folder's backups/ (their checks from manifest.json,
 * which needs no database), and the restore of one over the refused database.
 */
import path from 'node:path';
import { BACKUP_FILE_PATTERN } from '../../../shared/api/backups';
import type { DatabaseKey } from '../../db/databaseKey';
import { supportLog } from '../../log/supportLog';
import { backupsDirOf, listBackups } from '../backup/backups';
import { checkPassed } from '../backup/checkBackup';
import { restoreOverRefused, type Restored } from '../backup/restore';
import { AppError } from '../errors';
import { hallKeyStoreOf } from '../keys/fileKeyStore';
import { readHallKeys } from '../keys/hallKeys';
import type { BackupSummary } from './recoveryPage';

export function recoveryBackups(dataDir: string): BackupSummary[] {
  const dir = backupsDirOf(dataDir);
  return listBackups(dir).map((copy) => ({
    file: path.join(dir, copy.file),
    at: copy.createdAt,
    good: copy.check !== undefined && checkPassed(copy.check),
  }));
}

/** Restores the copy `name` (a file name in backups/) over the refused database; checks it first. */
export function restoreRefusedDatabase(dataDir: string, name: string, key: DatabaseKey): Restored {
  if (!BACKUP_FILE_PATTERN.test(name)) {
    throw new AppError('BAD_INPUT', `备份文件名无效：${name}。请在恢复页上选择列出的备份。`);
  }
  const restored = restoreOverRefused(
    dataDir,
    path.join(backupsDirOf(dataDir), name),
    key,
    readHallKeys(hallKeyStoreOf(dataDir)),
    new Date(),
  );
  supportLog(dataDir).info(
    { event: 'restore', file: name, before: path.basename(restored.before), from: 'recovery-page' },
    '从备份恢复（恢复页）',
  );
  return restored;
}
