/**
 * Rule configuration in the settings table: the loaded province profile (`rules.profile`) and one row per
 * loaded holiday year (`calendar.holidays.<year>`). Values are JSON written by main/services/settings.
 */
import type { Db } from '../connection';
import { prepared } from '../statements';

export const PROFILE_KEY = 'rules.profile';
const HOLIDAY_PREFIX = 'calendar.holidays.';

export const holidayKey = (year: number): string => `${HOLIDAY_PREFIX}${year}`;

/** Range over the key prefix, so SQLite answers from the primary key ('/' sorts right after '.'). */
const HOLIDAY_RANGE = `key >= '${HOLIDAY_PREFIX}' AND key < 'calendar.holidays/'`;

export function holidayRows(db: Db): { key: string; value: string }[] {
  return prepared<[], { key: string; value: string }>(
    db,
    `SELECT key, value FROM settings WHERE ${HOLIDAY_RANGE} ORDER BY key`,
  ).all();
}

/**
 * Changes whenever a profile or holiday table is (re)loaded, by this connection or another process (the CLI,
 * a second window): each load takes a new change_seq, so the highest one identifies the configuration.
 */
export function configStamp(db: Db): number {
  return (
    prepared<[string], { stamp: number | null }>(
      db,
      `SELECT max(change_seq) AS stamp FROM settings WHERE key = ? OR (${HOLIDAY_RANGE})`,
    ).get(PROFILE_KEY)?.stamp ?? 0
  );
}
