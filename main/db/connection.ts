import Database from 'better-sqlite3';
import { AppError } from '../services/errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { trackAuditedWrites } from './rowStates';
import { checkDatabaseIdentity, refusalOfOpenError, YEKUO_APPLICATION_ID } from './startupCheck';

export type Db = Database.Database;

/** File name of the hall database inside the data folder. */
export const DATABASE_FILE = 'yekuo.sqlite';

export interface OpenOptions {
  readonly?: boolean;
  /** Milliseconds to wait for another connection's write lock. */
  busyTimeoutMs?: number;
}

/**
 * Opens (and creates) the hall database and brings its schema up to date.
 * Refuses files that are not SQLite databases, damaged ones, other programs' SQLite files and databases written
 * by a newer version of the app, leaving them untouched (startupCheck.ts; DatabaseRefused names the reason).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: options.readonly ?? false });
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
  } catch (error) {
    db?.close();
    throw error instanceof AppError ? error : storageError(file, error);
  }
  try {
    migrate(db);
    if (!options.readonly) trackAuditedWrites(db);
  } catch (error) {
    db.close();
    throw error instanceof AppError ? error : storageError(file, error);
  }
  return db;
}

export function schemaVersionOf(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies pending migrations in one transaction and marks the file as ours (application_id). */
function migrate(db: Db): void {
  const current = schemaVersionOf(db);
  const pending = MIGRATIONS.filter((m) => m.version > current);
  const marked = db.pragma('application_id', { simple: true }) === YEKUO_APPLICATION_ID;
  if (pending.length === 0 && (marked || db.readonly)) return;
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      migration.run?.(db);
      db.pragma(`user_version = ${migration.version}`);
    }
    db.pragma(`application_id = ${YEKUO_APPLICATION_ID}`);
  }).immediate();
}

function storageError(file: string, error: unknown): AppError {
  const refusal = refusalOfOpenError(file, error);
  if (refusal) return refusal;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('STORAGE', `数据库 ${file} 正被其他程序占用（已锁定）：请关闭其他客户端后重试。`);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('STORAGE', `无法打开数据库 ${file}：${detail}`);
}
