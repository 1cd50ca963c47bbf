import { expect } from 'vitest';
import type { Db } from '../../../../main/db/connection';
import { MIGRATIONS } from '../../../../main/db/migrations';

/**
 * A tally migration run by itself on a database that already has applications, as the upgrade runs it (later
 * migrations need not be re-runnable): `drop` removes what it made, the step runs, its table (`tally`) equals the
 * count of the applications (`counted`), and a second run changes nothing. Returns the counts it started from.
 */
export function rerunTallyMigration(
  db: Db,
  step: { version: number; name: string },
  sql: { drop: string; tally: string; counted: string },
): unknown[] {
  db.exec(sql.drop);
  const migration = MIGRATIONS[step.version - 1];
  expect(migration).toMatchObject(step);
  db.exec(migration!.sql);
  const before = db.prepare(sql.counted).all();
  expect(before.length).toBeGreaterThan(3);
  expect(db.prepare(sql.tally).all()).toEqual(before);
  db.exec(migration!.sql); // again: the same rows
  expect(db.prepare(sql.tally).all()).toEqual(before);
  return before;
}
