import type { BatchOutcome, BatchRefusal } from '../../../shared/api/batch';
import type { ApplicationSummary } from '../../../shared/api/applications';
import { AppError } from '../errors';

/**
 * Runs `work` once per number, each in its own transaction (the work is one `mutate`), and reports every
 * number: a refusal of one application never stops or undoes the others. Anything but a refusal is a bug
 * and is thrown, leaving the applications already done committed and audited.
 */
export function eachNumber<T extends object>(
  numbers: string[],
  work: (number: string) => T,
): (({ number: string; ok: true } & T) | BatchRefusal)[] {
  return [...new Set(numbers)].map((number) => {
    try {
      return { number, ok: true as const, ...work(number) };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return {
        number,
        ok: false as const,
        code: error.code,
        message: error.message,
        ...(error.problems?.length ? { problems: error.problems } : {}),
      };
    }
  });
}

/** eachNumber for moves and assignments: where each application stands afterwards. */
export function eachApplication(numbers: string[], work: (number: string) => ApplicationSummary): BatchOutcome[] {
  return eachNumber(numbers, (number) => {
    const summary = work(number);
    return { stage: summary.stage, assignee: summary.assignee };
  });
}
