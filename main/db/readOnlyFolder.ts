/**
 * A read-only data folder (a share mounted read-only, a folder without write permission): the CLI, the web
 * harness and the desktop still open it, for reading. SQLite cannot open a WAL database read-only where it
 * cannot create the -shm file, so they read a private snapshot: the database (and its WAL) copied to an
 * owner-only temp folder, opened read-only, removed when the process ends. Nothing is written in the folder:
 * mutate() refuses every change up front (the connection is read-only) saying the folder is read-only, sign-in
 * records nothing, and no backup or export is scheduled.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, openDatabase, type Db } from './connection';
import { prepareDataFolder } from './dataFolder';
import { keyFileFor, loadKeyFile, type DatabaseKey } from './databaseKey';

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

export function openReadOnlySnapshot(dataDir: string, key: DatabaseKey): Db {
  const live = path.join(dataDir, DATABASE_FILE);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-readonly-'));
  process.once('exit', () => fs.rmSync(temp, { recursive: true, force: true }));
  const copy = path.join(temp, DATABASE_FILE);
  fs.copyFileSync(live, copy);
  if (fs.existsSync(`${live}-wal`)) fs.copyFileSync(`${live}-wal`, `${copy}-wal`);
  return openDatabase(copy, { key, readonly: true });
}

/**
 * The hall database of a data folder: the desktop's key (`key`) or the key file (`keyFile`, else the default).
 * On a read-only folder, the snapshot (`db.readonly` tells the callers, who then schedule no writes).
 */
export function openHallDatabase(dataDir: string, options: { key?: DatabaseKey; keyFile?: string }): Db {
  if (isReadOnlyFolder(dataDir)) {
    return openReadOnlySnapshot(dataDir, options.key ?? loadKeyFile(keyFileFor(dataDir, options.keyFile), false));
  }
  prepareDataFolder(dataDir);
  return openDatabase(path.join(dataDir, DATABASE_FILE), options);
}
