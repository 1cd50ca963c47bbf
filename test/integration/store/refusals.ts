/** What a service call was refused with, for rule tests on a real store. */
import { createApplication } from '../../../main/services/applications/createApplication';
import { AppError } from '../../../main/services/errors';
import type { FieldProblem } from '../../../shared/api/result';
import type { ApplicationInput } from '../../../shared/domain/application';
import type { Store } from './storeFixture';

/** The problems `run` was refused with (an AppError), or none when it went through; any other error is thrown. */
export function problemsOf(run: () => unknown): FieldProblem[] {
  try {
    run();
    return [];
  } catch (error) {
    if (error instanceof AppError) return error.problems ?? [];
    throw error;
  }
}

/** The problems a clerk meets accepting `record` on `store` (none when it is saved). */
export const creationProblems = (store: Store, record: ApplicationInput): FieldProblem[] =>
  problemsOf(() => createApplication(store.ctx('clerk'), record));
