/** Small reads the detectors share. SQL of the risk detectors lives beside each detector; these are common. */
import type { Db } from '../../db/connection';
import { prepared } from '../../db/statements';

/** Ids returned by a single-column query (`SELECT … AS id`), with its parameters. */
export function ids(db: Db, sql: string, ...params: unknown[]): number[] {
  return prepared<unknown[], { id: number }>(db, sql)
    .all(...params)
    .map((row) => row.id);
}

/** The numbers of a JSON list of application ids, read from the covering index of migration 0036 alone. */
export const NUMBERS_BY_ID =
  'SELECT id, number FROM applications INDEXED BY applications_number_by_id WHERE id IN (SELECT value FROM json_each(?))';

/** Application numbers by id (one query however many). */
export function numbersById(db: Db, applicationIds: Iterable<number>): Map<number, string> {
  const rows = prepared<[string], { id: number; number: string }>(db, NUMBERS_BY_ID).all(
    JSON.stringify([...new Set(applicationIds)]),
  );
  return new Map(rows.map((row) => [row.id, row.number]));
}

/** Users' display names by id (the audit log records the name at the time; the users table today's). */
export function userNames(db: Db): Map<string, string> {
  const rows = prepared<[], { id: string; name: string }>(db, 'SELECT id, name FROM users').all();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The open statuses: an application still being handled (or suspended). */
export const OPEN_STATUSES = "('ACTIVE', 'SUSPENDED')";

/** A share as the evidence shows it: `12.5%`. */
export const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
