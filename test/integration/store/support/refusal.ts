import { AppError } from '../../../../main/services/errors';

/** The AppError `fn` throws; fails the test when it succeeds or throws anything else. */
export function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
