/**
 * Bare connections to a hall database file: the SQLCipher key applied and checked, nothing else. Used by
 * openDatabase (main/db/connection.ts), backups and their checks, and the in-place encryption of old files.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../services/errors';
import type { DatabaseKey } from './databaseKey';
import { DatabaseRefused, refusalOfOpenError } from './startupCheck';

export type Db = Database.Database;

/** The key each open connection was opened with: backups open their copies with it. */
const connectionKeys = new WeakMap<Db, DatabaseKey | null>();

/** The key a connection was opened with (null: an unencrypted file). */
export function keyOfConnection(db: Db): DatabaseKey | null {
  return connectionKeys.get(db) ?? null;
}

export interface FileOpenOptions {
  /** null: an unencrypted file (the plaintext baseline of the benchmarks, and old files before encryption). */
  key: DatabaseKey | null;
  readonly?: boolean;
}

/**
 * Opens an existing database file with its key and reads page 1, so a wrong key or a foreign file is refused
 * here, by name, not at the first query.
 */
export function openDatabaseFile(file: string, options: FileOpenOptions): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: true });
  } catch (error) {
    throw storageError(file, error);
  }
  try {
    if (options.key) applyKey(db, options.key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    connectionKeys.set(db, options.key);
    return db;
  } catch (error) {
    db.close();
    throw options.key && (error as { code?: string }).code === 'SQLITE_NOTADB'
      ? wrongKeyError(file)
      : storageError(file, error);
  }
}

/**
 * SQLCipher 4 settings (`cipher='sqlcipher'`, `legacy=4`: AES-256-CBC, HMAC-SHA512, 4096-byte pages) and the raw
 * 32-byte key (`x'…'`: no passphrase derivation). Must precede the first read of the connection.
 */
export function applyKey(db: Db, key: DatabaseKey): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** Creates a missing database file with mode 600, so SQLite's -wal and -shm files (same mode) are owner-only. */
export function createOwnerOnly(file: string): void {
  if (fs.existsSync(file)) return;
  fs.closeSync(fs.openSync(file, 'a', 0o600));
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file starts with SQLite's clear header: an unencrypted database. */
export function isPlaintextSqlite(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

export function wrongKeyError(file: string): AppError {
  // Encrypted pages look random: a wrong key and a damaged first page fail alike (the page's HMAC), so the
  // message names both; the recovery page offers the newest good backup, which the right key also opens.
  return new DatabaseRefused(
    'CORRUPT',
    file,
    `数据库文件 ${file} 已损坏或密钥不对（无法用当前密钥解密），未作任何修改：请从最近一次完好的备份恢复；若是密钥不对，请用 --key-file 或环境变量 YEKUO_KEY_FILE 指定这个数据目录的密钥文件。`,
  );
}

export function storageError(file: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const refusal = refusalOfOpenError(file, error);
  if (refusal) return refusal;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('STORAGE', `数据库 ${file} 正被其他程序占用（已锁定）：请关闭其他客户端后重试。`);
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new AppError('STORAGE', `无法打开数据库 ${file}：文件不存在或无权读取。`);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('STORAGE', `无法打开数据库 ${file}：${detail}`);
}
