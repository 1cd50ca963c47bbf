import fs from 'node:fs';
import path from 'node:path';
import { capProblems, type ApiError, type FieldProblem } from '../../shared/api/result';
import { DATABASE_FILE } from '../db/connection';
import { keyFileFor } from '../db/databaseKey';
import type { StoreContext } from '../services/auth/storeContext';
import { AppError, storageRefusalOf } from '../services/errors';
import { getHall } from '../db/repositories/hallRepo';
import { isReadOnlyFolder, openHallDatabase } from '../db/readOnlyFolder';

export const READ_ONLY_NOTICE = (dataDir: string) =>
  `注意：数据目录 ${dataDir} 是只读的，本命令只能查询，修改数据的命令会被拒绝。/ note: read-only data folder, reads only\n`;

/** Exit codes of every subcommand: 0 ok, 1 rejected by a rule or a state check, 2 bad usage or unreadable input. */
export const EXIT = { OK: 0, REJECTED: 1, USAGE: 2 } as const;

const ENGLISH: Record<ApiError['code'], string> = {
  BAD_INPUT: 'bad input',
  RULE_VIOLATION: 'rejected by a validation rule',
  ILLEGAL_STATE: 'not allowed in the current state',
  NOT_FOUND: 'not found',
  FORBIDDEN: 'not allowed for this role',
  CONFLICT: 'conflicting change',
  STORAGE: 'database problem',
  INTERNAL: 'internal error',
  UNAUTHENTICATED: 'not signed in',
};

/** A failure the CLI reports in Chinese and English, then exits with the given code. */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
    readonly english: string,
    readonly problems: FieldProblem[] = [],
    /** Problems already left out before this failure was made (AppError keeps the first MAX_PROBLEMS). */
    readonly problemsOmitted = 0,
  ) {
    super(message);
  }
}

export function failureFrom(thrown: unknown): CliFailure {
  if (thrown instanceof CliFailure) return thrown;
  const error = storageRefusalOf(thrown) ?? thrown;
  if (error instanceof AppError) {
    const exit = error.code === 'BAD_INPUT' || error.code === 'STORAGE' ? EXIT.USAGE : EXIT.REJECTED;
    return new CliFailure(exit, error.message, ENGLISH[error.code], error.problems ?? [], error.problemsOmitted ?? 0);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CliFailure(EXIT.USAGE, `内部错误：${detail}`, 'internal error');
}

export interface GlobalOptions {
  data?: string;
  /** The database key file (--key-file, else $YEKUO_KEY_FILE, else <data>/keys/database.key). */
  keyFile?: string;
  json?: boolean;
  /** The staff number the command acts as (--user, else $YEKUO_USER). */
  user?: string;
  /** Only `init` creates a missing data folder; every other command refuses it (a mistyped --data). */
  createDataDir?: boolean;
}

/** Refuses a data folder that does not exist, instead of silently creating an empty hall there. */
export function requireExistingDataDir(dataDir: string): void {
  if (fs.existsSync(dataDir) && fs.statSync(dataDir).isDirectory()) return;
  throw new CliFailure(
    EXIT.USAGE,
    `数据目录 ${dataDir} 不存在：请检查 --data（或 YEKUO_DATA）是否输错；新建营业厅请先执行 yekuo init。`,
    `data folder ${dataDir} does not exist: check --data (or YEKUO_DATA), or create a hall with yekuo init`,
  );
}

/** Resolves the data folder from --data or YEKUO_DATA. */
export function dataDirOf(options: GlobalOptions): string {
  const dir = options.data ?? process.env.YEKUO_DATA;
  if (!dir) {
    throw new CliFailure(
      EXIT.USAGE,
      '请用 --data 目录 或环境变量 YEKUO_DATA 指定数据目录。',
      'no data folder: pass --data DIR or set YEKUO_DATA',
    );
  }
  return path.resolve(dir);
}

export { DATABASE_FILE };

/** Opens the hall database of a data folder, before anyone has signed in (see cliSession.ts for who acts). */
export function openStore(options: GlobalOptions): StoreContext {
  const dataDir = dataDirOf(options);
  if (!options.createDataDir) requireExistingDataDir(dataDir);
  const keyFile = keyFileFor(dataDir, options.keyFile);
  if (isReadOnlyFolder(dataDir)) process.stderr.write(READ_ONLY_NOTICE(dataDir));
  return { db: openHallDatabase(dataDir, { keyFile }), dataDir };
}

/** A data folder without a hall is a usage mistake (exit 2): the user has to run `init` first. */
export function requireInitialised(ctx: StoreContext): void {
  if (getHall(ctx.db)) return;
  throw new CliFailure(
    EXIT.USAGE,
    `数据目录 ${ctx.dataDir} 尚未初始化：请先执行 yekuo init --hall-code 编码 --hall-name 名称。`,
    'data folder not initialised: run `yekuo init` first',
  );
}

/** Prints at most MAX_PROBLEMS problems and how many more there are: a bad file must not flood the terminal. */
export function printFailure(failure: CliFailure, json: boolean): void {
  const { problems, problemsOmitted = 0 } = capProblems(failure.problems);
  const omitted = problemsOmitted + failure.problemsOmitted;
  if (json) {
    const body = { ok: false, message: failure.message, problems, ...(omitted ? { problemsOmitted: omitted } : {}) };
    process.stdout.write(`${JSON.stringify(body)}\n`);
  }
  process.stderr.write(`错误：${failure.message}\nerror: ${failure.english}\n`);
  for (const p of problems) {
    process.stderr.write(`  - [${p.ruleId}] ${p.field}: ${p.message}\n`);
  }
  if (omitted) process.stderr.write(`  ……另有 ${omitted} 处问题未列出 / ${omitted} more problems not shown\n`);
}
