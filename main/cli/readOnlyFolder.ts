/**
 * A read-only data folder (a share mounted read-only, a folder without write permission): the CLI still
 * answers read commands (`app list`, `audit verify`, …). SQLite cannot open a WAL database read-only where it
 * cannot create the -shm file, so the command reads a private snapshot: the database (and its WAL) copied to
 * an owner-only temp folder, opened read-only, removed when the process ends. Every write is refused there
 * (SQLITE_READONLY), and says the folder is read-only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, openDatabase, type Db } from '../db/connection';
import { loadKeyFile } from '../db/databaseKey';

export const READ_ONLY_NOTICE = (dataDir: string) =>
  `注意：数据目录 ${dataDir} 是只读的，本命令只能查询，修改数据的命令会被拒绝。/ note: read-only data folder, reads only\n`;

/** True when the data folder exists and this process may not write in it. */
export function isReadOnlyFolder(dataDir: string): boolean {
  try {
    fs.accessSync(dataDir, fs.constants.W_OK);
    fs.accessSync(path.join(dataDir, DATABASE_FILE), fs.constants.W_OK);
    return false;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'EROFS' || code === 'EACCES' || code === 'EPERM';
  }
}

export function openReadOnlySnapshot(dataDir: string, keyFile: string): Db {
  const live = path.join(dataDir, DATABASE_FILE);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-readonly-'));
  process.once('exit', () => fs.rmSync(temp, { recursive: true, force: true }));
  const copy = path.join(temp, DATABASE_FILE);
  fs.copyFileSync(live, copy);
  if (fs.existsSync(`${live}-wal`)) fs.copyFileSync(`${live}-wal`, `${copy}-wal`);
  return openDatabase(copy, { key: loadKeyFile(keyFile, false), readonly: true });
}
