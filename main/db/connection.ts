import fs from 'node:fs';
import path from 'node:path';
import { tightenDatabaseFiles } from './dataFolder';
import { keyFileFor, loadKeyFile, type DatabaseKey } from './databaseKey';
import { createOwnerOnly, isPlaintextSqlite, openDatabaseFile, storageError, type Db } from './databaseFile';
import { encryptPlaintextDatabase } from './encryptPlaintext';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { keepPreMigrationCopy } from '../services/backup/preMigration';
import { supportLog } from '../log/supportLog';
import { trackAuditedWrites } from './rowStates';
import { checkDatabaseIdentity, YEKUO_APPLICATION_ID } from './startupCheck';

export type { Db };

/** File name of the hall database inside the data folder. */
export const DATABASE_FILE = 'yekuo.sqlite';

export interface OpenOptions {
  readonly?: boolean;
  /** Milliseconds to wait for another connection's write lock. */
  busyTimeoutMs?: number;
  /**
   * The database key. Default: the key file of the database's folder (`keyFileFor`: $YEKUO_KEY_FILE, else
   * keys/database.key), created for a new database. `null` opens an unencrypted file: the benchmarks' plaintext
   * baseline only.
   */
  key?: DatabaseKey | null;
  /** The key file when `key` is not given (`--key-file`); default `keyFileFor(the database's folder)`. */
  keyFile?: string;
}

/**
 * Opens (and creates) the hall database, encrypted with SQLCipher 4's scheme, and brings its schema up to date.
 * An unencrypted hall database (written before encryption) is encrypted in place first, after an encrypted copy
 * is kept in backups/. Refuses a wrong key, files that are not SQLite databases, damaged ones, other programs'
 * SQLite files and databases written by a newer version of the app, leaving them untouched (startupCheck.ts;
 * DatabaseRefused names the reason).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const keyFile = options.keyFile ?? keyFileFor(path.dirname(file));
  const plaintext = isPlaintextSqlite(file);
  if (plaintext && !options.readonly && options.key !== null) {
    // Its identity is checked first: nothing, not even a key file, is written for a file that is not ours.
    encryptPlaintextDatabase(file, () => options.key ?? loadKeyFile(keyFile, true));
  }
  if (!options.readonly) createOwnerOnly(file);
  // Read-only access leaves an old unencrypted file as it is (it cannot be encrypted without writing).
  const key = options.readonly && plaintext ? null : options.key !== undefined ? options.key : keyFor(file, keyFile);
  const db = openDatabaseFile(file, { key, readonly: options.readonly });
  if (!options.readonly) tightenDatabaseFiles(file);
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    // Before the first pragma that writes (journal_mode rewrites the file header).
    checkDatabaseIdentity(db, file, SCHEMA_VERSION);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Sort and savepoint scratch space in memory, and a 64 MB page cache: lists and search over a million
    // applications touch many index pages.
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -65536');
    migrate(db, file);
    if (!options.readonly) trackAuditedWrites(db);
  } catch (error) {
    db.close();
    throw storageError(file, error);
  }
  return db;
}

export function schemaVersionOf(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The key in its file, created there for a new database. */
function keyFor(file: string, keyFile: string): DatabaseKey {
  return loadKeyFile(keyFile, !fs.existsSync(file) || fs.statSync(file).size === 0);
}

/**
 * Applies pending migrations in one transaction and marks the file as ours (application_id). An existing
 * database is copied to backups/ first (issue 10: always before a migration).
 */
function migrate(db: Db, file: string): void {
  const current = schemaVersionOf(db);
  const pending = MIGRATIONS.filter((m) => m.version > current);
  const marked = db.pragma('application_id', { simple: true }) === YEKUO_APPLICATION_ID;
  if (pending.length === 0 && (marked || db.readonly)) return;
  if (current > 0 && pending.length > 0 && !db.readonly) keepPreMigrationCopy(db, file, current, SCHEMA_VERSION);
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      migration.run?.(db);
      db.pragma(`user_version = ${migration.version}`);
    }
    db.pragma(`application_id = ${YEKUO_APPLICATION_ID}`);
  }).immediate();
  if (pending.length > 0) {
    supportLog(path.dirname(file)).info(
      { event: 'migration', from: current, to: SCHEMA_VERSION, steps: pending.length },
      current === 0 ? '新建数据库' : '数据库升级',
    );
  }
}
