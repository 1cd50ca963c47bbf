import type { Db } from '../connection';
import { prepared } from '../statements';

/** Bumps the hall-wide change counter; call once inside the transaction of a change. */
export function nextChangeSeq(db: Db): number {
  return prepared<[], { seq: number }>(db, 'UPDATE change_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq').get()!
    .seq;
}

export function currentChangeSeq(db: Db): number {
  return prepared<[], { seq: number }>(db, 'SELECT seq FROM change_counter WHERE id = 1').get()!.seq;
}
