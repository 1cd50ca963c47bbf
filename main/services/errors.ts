import { capProblems, type ErrorCode, type FieldProblem } from '../../shared/api/result';

/**
 * A refusal the user can act on: a rule, a state check, a missing record. Services throw it; the handler
 * table and the CLI turn it into a typed result or an exit code. Anything else thrown is a bug.
 * It keeps at most MAX_PROBLEMS problems and counts the rest, whatever the source.
 */
export class AppError extends Error {
  readonly problems?: FieldProblem[];
  readonly problemsOmitted?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    problems?: readonly FieldProblem[],
  ) {
    super(message);
    this.name = 'AppError';
    if (problems) {
      const capped = capProblems(problems);
      this.problems = capped.problems;
      if (capped.problemsOmitted) this.problemsOmitted = capped.problemsOmitted;
    }
  }
}

/**
 * A refusal of the storage itself, whatever wrote: a full disk (SQLite's SQLITE_FULL for the database or its
 * WAL, the OS's ENOSPC for any other file) or a read-only data folder (SQLITE_READONLY, EROFS). Mapped to a
 * STORAGE refusal saying so, instead of 内部错误: the transaction was rolled back.
 */
export function storageRefusalOf(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (isDiskFull(error)) {
    return new AppError(
      'STORAGE',
      '磁盘空间不足：操作未完成，数据未被修改。请清理数据目录所在的磁盘（删除不需要的文件或旧的导出包）后重试。',
    );
  }
  if (code === 'SQLITE_READONLY' || code === 'EROFS') return readOnlyFolderRefusal();
  return undefined;
}

/** No room left: SQLite's SQLITE_FULL (database, WAL, VACUUM INTO) or the OS's ENOSPC (any other file). */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}

export function readOnlyFolderRefusal(): AppError {
  return new AppError(
    'STORAGE',
    '数据目录是只读的：可以查询，不能修改数据，操作未完成。请检查数据目录所在的磁盘或共享是否以只读方式挂载、当前账户是否有写权限。',
  );
}
