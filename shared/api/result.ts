/** Results cross every boundary (IPC, harness, CLI) as data, never as thrown errors (Signal's habit). */

/** One problem with one field, as shown under the field and printed by the CLI. */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `customer.idNumber`. Empty for the whole record. */
  field: string;
  /** Rule id (e.g. `R-ID-02`) or `SCHEMA` for shape problems. */
  ruleId: string;
  severity: 'error' | 'warning';
  /** Complete Chinese sentence that names the field and says what to do. */
  message: string;
}

export type ErrorCode =
  'BAD_INPUT' | 'RULE_VIOLATION' | 'ILLEGAL_STATE' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'STORAGE' | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  /** Chinese message for the user. */
  message: string;
  problems?: FieldProblem[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({ ok: false, error });
