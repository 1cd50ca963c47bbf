/**
 * Online backups of the hall database (issue 10): at start, daily, before every migration and on demand.
 *
 * A copy is taken with `VACUUM INTO` on the open connection, not with better-sqlite3's `backup()`: `backup()`
 * opens the destination without a key, and SQLite3 Multiple Ciphers refuses a backup between an encrypted
 * source and a plain destination ("backup is not supported with incompatible source and target databases").
 * `VACUUM INTO` reads one consistent snapshot (writers go on in WAL mode) and writes a compact copy encrypted
 * with the same key. Written to a temp name, checked (integrity_check, audit verify), fsynced, renamed; the
 * result goes to manifest.json beside the copies, then the copy goes to the second folder if one is set, and
 * the rotation thins out the automatic copies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BACKUPS_DIR } from '../../db/dataFolder';
import { keyOfConnection } from '../../db/databaseFile';
import type { Db } from '../../db/connection';
import type { HandlerContext } from '../../ipc/context';
import { hallKeyStoreOfContext, signAuditHead } from '../auditAnchors';
import { fsyncFile, fsyncFolder } from '../durableFiles';
import { AppError, isDiskFull } from '../errors';
import { readHallKeys, type HallKeys } from '../keys/hallKeys';
import { checkBackupFile } from './checkBackup';
import { readManifest, ROTATED_KINDS, uniqueName, writeManifest, type BackupKind, type BackupRecord } from './manifest';
import { copiesToDelete } from './rotation';
import { secondBackupFolder } from './settings';

export interface BackupOptions {
  kind: BackupKind;
  /** Another folder (`yekuo backup --out DIR`): no rotation and no second copy there. */
  dir?: string;
}

export function backupsDirOf(dataDir: string): string {
  return path.join(dataDir, BACKUPS_DIR);
}

export function createBackup(ctx: HandlerContext, options: BackupOptions): BackupRecord {
  const now = ctx.now?.() ?? new Date();
  const home = backupsDirOf(ctx.dataDir);
  const dir = options.dir ? path.resolve(options.dir) : home;
  // The copy holds its own signed anchor: the head is signed before the snapshot is read.
  if (hasHall(ctx)) signAuditHead(ctx, 'backup');
  const record = writeCheckedCopy(ctx.db, dir, options.kind, now, hallKeysOf(ctx));
  if (dir === home) {
    const second = secondBackupFolder(ctx.db);
    if (second) record.secondCopy = copyToSecondFolder(path.join(dir, record.file), record, second);
  }
  try {
    writeManifest(dir, [...readManifest(dir), record]);
  } catch (error) {
    // A copy without its record would be listed as unchecked: none is kept.
    fs.rmSync(path.join(dir, record.file), { force: true });
    throw backupFailure(dir, error);
  }
  if (dir === home) rotate(dir);
  return record;
}

/**
 * The copy itself: VACUUM INTO a temp name (encrypted with the connection's key), checked, fsynced, renamed.
 * Returns its record, not yet in the manifest.
 */
export function writeCheckedCopy(
  db: Db,
  dir: string,
  kind: BackupKind,
  now: Date,
  hallKeys: HallKeys | undefined,
): BackupRecord {
  let temp = '';
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = uniqueName(dir, kind, now);
    const target = path.join(dir, file);
    temp = `${target}.tmp`;
    fs.rmSync(temp, { force: true });
    // An empty owner-only file first: VACUUM INTO fills an empty file, and the copy keeps its mode 600.
    fs.closeSync(fs.openSync(temp, 'w', 0o600));
    db.prepare('VACUUM INTO ?').run(temp);
    const check = checkBackupFile(temp, keyOfConnection(db), hallKeys, now);
    fsyncFile(temp);
    fs.renameSync(temp, target);
    fsyncFolder(dir);
    return { file, kind, createdAt: now.toISOString(), size: fs.statSync(target).size, check };
  } catch (error) {
    if (temp) fs.rmSync(temp, { force: true });
    throw backupFailure(dir, error);
  }
}

/** Why a backup into `dir` failed, in words the admin can act on; no partial file is left behind by then. */
function backupFailure(dir: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDiskFull(error)) {
    return new AppError(
      'STORAGE',
      `磁盘空间不足，备份未完成：备份目录 ${dir} 所在的磁盘已满。没有留下不完整的备份文件，数据库未受影响。` +
        '请清理该磁盘（删除不需要的文件或旧的导出包），或改用空间足够的备份目录，然后重试。',
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError(
    'STORAGE',
    `备份未完成（${detail}）：请检查备份目录 ${dir} 是否可写、磁盘空间是否足够，然后重试。`,
  );
}

/** The copies in a backup folder, newest first, with their recorded checks (copies without a record: unchecked). */
export function listBackups(
  dir: string,
): (BackupRecord | { file: string; kind?: undefined; createdAt: string; size: number; check?: undefined })[] {
  if (!fs.existsSync(dir)) return [];
  const recorded = new Map(readManifest(dir).map((r) => [r.file, r]));
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((file) => {
      const stat = fs.statSync(path.join(dir, file));
      return recorded.get(file) ?? { file, createdAt: stat.mtime.toISOString(), size: stat.size };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function rotate(dir: string): void {
  const records = readManifest(dir);
  const rotated = records.filter((r) => ROTATED_KINDS.includes(r.kind));
  const doomed = new Set(copiesToDelete(rotated));
  if (doomed.size === 0) return;
  for (const file of doomed) fs.rmSync(path.join(dir, file), { force: true });
  writeManifest(
    dir,
    records.filter((r) => !doomed.has(r.file)),
  );
}

function copyToSecondFolder(source: string, record: BackupRecord, folder: string): BackupRecord['secondCopy'] {
  const target = path.join(folder, record.file);
  let placed = false;
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    fs.copyFileSync(source, `${target}.tmp`);
    fsyncFile(`${target}.tmp`);
    fs.renameSync(`${target}.tmp`, target);
    placed = true;
    writeManifest(folder, [...readManifest(folder).filter((r) => r.file !== record.file), record]);
    // The second folder keeps the same copies as the first.
    rotate(folder);
    return { folder, ok: true };
  } catch (error) {
    // No partial copy, and no copy the folder's manifest does not record.
    fs.rmSync(`${target}.tmp`, { force: true });
    if (placed && !readManifest(folder).some((r) => r.file === record.file)) fs.rmSync(target, { force: true });
    return { folder, ok: false, message: `未能复制到第二备份目录：${backupFailure(folder, error).message}` };
  }
}

function hasHall(ctx: HandlerContext): boolean {
  return ctx.db.prepare("SELECT 1 FROM settings WHERE key = 'hall.code'").get() !== undefined;
}

export function hallKeysOf(ctx: HandlerContext) {
  return readHallKeys(hallKeyStoreOfContext(ctx));
}
