/**
 * Start-up checks of the hall database, run before anything writes to the file: a file that is not ours (another
 * program's SQLite file), a damaged one or one from a newer version of the app is refused and left exactly as it
 * was. The desktop and the web harness then show the recovery page (main/services/recovery/recoveryPage.ts).
 */
import { AppError } from '../services/errors';
import type { Db } from './connection';

/** `PRAGMA application_id` of a Yekuo Desk hall database: the ASCII bytes "YKUD". Set by every migration run. */
export const YEKUO_APPLICATION_ID = 0x594b5544;

/** Tables every hall database has had since migration 0001: a file without them is not ours. */
const OUR_TABLES = ['settings', 'change_counter', 'applications', 'audit_log'];

export type RefusalReason = 'NOT_SQLITE' | 'CORRUPT' | 'FOREIGN' | 'NEWER';

/** The database was refused at start-up, unmodified. `reason` picks the recovery page's explanation. */
export class DatabaseRefused extends AppError {
  constructor(
    readonly reason: RefusalReason,
    readonly file: string,
    message: string,
  ) {
    super('STORAGE', message);
    this.name = 'DatabaseRefused';
  }
}

const CORRUPT_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE']);

/** A SQLite error at open that means the file is damaged or not a database (a refusal, not a bug). */
export function refusalOfOpenError(file: string, error: unknown): DatabaseRefused | undefined {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') {
    return new DatabaseRefused(
      'NOT_SQLITE',
      file,
      `文件 ${file} 不是本系统的数据库（不是 SQLite 数据库文件），未作任何修改。`,
    );
  }
  if (CORRUPT_CODES.has(code)) {
    const detail = error instanceof Error ? error.message : String(error);
    return new DatabaseRefused(
      'CORRUPT',
      file,
      `数据库文件 ${file} 已损坏（${detail}），未作任何修改：请从最近一次完好的备份恢复。`,
    );
  }
  return undefined;
}

/**
 * Refuses a file that is not a hall database of this or an older version. Reads only: the file is not touched
 * until it passes. A new, empty file passes (it becomes a hall database); so does a hall database from before
 * application_id was set (it has our tables), which the next migration run marks.
 */
export function checkDatabaseIdentity(db: Db, file: string, schemaVersion: number): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  const tables = new Set(
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[],
  );
  // An empty file becomes a hall database; one with our tables is a hall database from before application_id.
  const ourShape = tables.size === 0 || (userVersion > 0 && OUR_TABLES.every((t) => tables.has(t)));
  const ours = applicationId === YEKUO_APPLICATION_ID || (applicationId === 0 && ourShape);
  if (!ours) {
    throw new DatabaseRefused(
      'FOREIGN',
      file,
      `文件 ${file} 是其他程序的 SQLite 数据库（application_id ${applicationId}，${tables.size} 张表），` +
        '不是本系统的营业厅数据库，未作任何修改：请检查数据目录是否选错。',
    );
  }
  if (userVersion > schemaVersion) {
    throw new DatabaseRefused(
      'NEWER',
      file,
      `数据库版本（${userVersion}）比本程序支持的版本（${schemaVersion}）新：请升级客户端后再打开。数据库未作任何修改。`,
    );
  }
}
