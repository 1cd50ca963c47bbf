/**
 * 迁移前备份: before a migration changes an existing hall database, a checked copy of it as it was goes to
 * backups/ (kind `pre-migration`, never rotated away), so an upgrade that goes wrong can be undone with
 * `yekuo restore` or the recovery page. Signs no chain head: the old schema may not have the anchors yet.
 */
import path from 'node:path';
import type { Db } from '../../db/connection';
import { BACKUPS_DIR } from '../../db/dataFolder';
import { supportLog } from '../../log/supportLog';
import { writeCheckedCopy } from './backups';
import { readManifest, writeManifest } from './manifest';

export function keepPreMigrationCopy(db: Db, databaseFile: string, from: number, to: number): void {
  const dataDir = path.dirname(databaseFile);
  const dir = path.join(dataDir, BACKUPS_DIR);
  const record = writeCheckedCopy(db, dir, 'pre-migration', new Date(), undefined);
  writeManifest(dir, [...readManifest(dir), record]);
  supportLog(dataDir).info(
    { event: 'backup', kind: 'pre-migration', file: record.file, integrity: record.check.integrity, from, to },
    '迁移前备份',
  );
}
