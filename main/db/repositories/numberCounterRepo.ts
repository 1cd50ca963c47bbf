import type { Db } from '../connection';
import { prepared } from '../statements';

/**
 * Takes the next sequence number of `scope` on `day`. Runs inside the caller's write transaction, so two
 * connections can never take the same number, and a number taken by a later-cancelled record stays taken.
 */
export function nextDailySeq(db: Db, scope: string, day: string): number {
  return prepared<[string, string], { seq: number }>(
    db,
    `INSERT INTO number_counters (scope, day, seq) VALUES (?, ?, 1)
     ON CONFLICT (scope, day) DO UPDATE SET seq = seq + 1
     RETURNING seq`,
  ).get(scope, day)!.seq;
}
