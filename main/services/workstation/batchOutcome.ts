import type { BatchOutcome } from '../../../shared/api/batch';
import type { ApplicationSummary } from '../../../shared/api/applications';
import { AppError } from '../errors';

/**
 * Runs `work` once per number, each in its own transaction (the work is one `mutate`), and reports every
 * number: a refusal of one application never stops or undoes the others. Anything but a refusal is a bug
 * and is thrown, leaving the applications already done committed and audited.
 */
export function eachApplication(numbers: string[], work: (number: string) => ApplicationSummary): BatchOutcome[] {
  return [...new Set(numbers)].map((number) => {
    try {
      const summary = work(number);
      return { number, ok: true, stage: summary.stage, assignee: summary.assignee };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return {
        number,
        ok: false,
        code: error.code,
        message: error.message,
        ...(error.problems?.length ? { problems: error.problems } : {}),
      };
    }
  });
}
