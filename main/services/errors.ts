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
