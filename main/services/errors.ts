import type { ErrorCode, FieldProblem } from '../../shared/api/result';

/**
 * A refusal the user can act on: a rule, a state check, a missing record. Services throw it; the handler
 * table and the CLI turn it into a typed result or an exit code. Anything else thrown is a bug.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems?: FieldProblem[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}
