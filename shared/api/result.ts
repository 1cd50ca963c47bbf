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
  /** 依据: the regulation and article behind the rule, or that its value is a province setting (rules only). */
  basis?: string;
}

export type ErrorCode =
  | 'BAD_INPUT'
  | 'RULE_VIOLATION'
  | 'ILLEGAL_STATE'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'STORAGE'
  | 'INTERNAL'
  /** No session, or the session is locked: the renderer shows the sign-in or unlock screen. */
  | 'UNAUTHENTICATED';

export interface ApiError {
  code: ErrorCode;
  /** Chinese message for the user. */
  message: string;
  /** At most MAX_PROBLEMS; the number left out is in problemsOmitted. */
  problems?: FieldProblem[];
  problemsOmitted?: number;
}

/**
 * The most problems one answer carries, and the most a message names. A bad file or request can hold thousands
 * (300,000 empty documents once made a 377 MB refusal); the first ones are enough to fix, the rest are counted.
 */
export const MAX_PROBLEMS = 200;
export const MAX_PROBLEMS_IN_MESSAGE = 10;

/** The first MAX_PROBLEMS problems and how many were left out. */
export function capProblems(problems: readonly FieldProblem[]): { problems: FieldProblem[]; problemsOmitted?: number } {
  if (problems.length <= MAX_PROBLEMS) return { problems: [...problems] };
  return { problems: problems.slice(0, MAX_PROBLEMS), problemsOmitted: problems.length - MAX_PROBLEMS };
}

/** Problem messages joined into one text: the first few, then how many more there are. */
const asSentence = (message: string): string => (/[。！？]$/.test(message) ? message : `${message}。`);

export function joinProblemMessages(messages: readonly string[]): string {
  // Messages are sentences of their own (most end in 。): joined as sentences, never as "。；".
  const shown = messages.slice(0, MAX_PROBLEMS_IN_MESSAGE).map(asSentence).join('');
  const rest = messages.length - MAX_PROBLEMS_IN_MESSAGE;
  return rest > 0 ? `${shown}另有 ${rest} 处问题（共 ${messages.length} 处）。` : shown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({
  ok: false,
  error: error.problems && error.problems.length > MAX_PROBLEMS ? { ...error, ...capProblems(error.problems) } : error,
});
