/**
 * Reads and writes the loaded province profile and holiday tables (settings table, main/db/repositories/
 * configRepo.ts). A stored value is parsed again on every read, with the same validators as a load: a value
 * a newer app version no longer accepts is left out (and the view says so) rather than half applied.
 */
import { z } from 'zod';
import type { LoadedBy } from '../../../shared/api/settings';
import { parseHolidayTable, type HolidayTable } from '../../../shared/calendar/holidayTable';
import { loadProfile, type ProfileLoad } from '../../../shared/rules';
import type { Db } from '../../db/connection';
import { holidayKey, holidayRows, PROFILE_KEY } from '../../db/repositories/configRepo';
import { getSetting, putSetting } from '../../db/repositories/documentRepo';

const storedSchema = z.object({ data: z.unknown(), at: z.string(), by: z.string() });

function parseStored(raw: string): { data: unknown; loaded: LoadedBy } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = storedSchema.safeParse(json);
  return parsed.success ? { data: parsed.data.data, loaded: { at: parsed.data.at, by: parsed.data.by } } : undefined;
}

const stored = (data: unknown, loaded: LoadedBy): string => JSON.stringify({ data, ...loaded });

export interface StoredProfile {
  load: ProfileLoad;
  /** The file as loaded (the override of the defaults). */
  override: unknown;
  loaded: LoadedBy;
}

export function storedProfile(db: Db): StoredProfile | undefined {
  const raw = getSetting(db, PROFILE_KEY);
  const value = raw === undefined ? undefined : parseStored(raw);
  return value && { load: loadProfile(value.data), override: value.data, loaded: value.loaded };
}

export function storeProfile(db: Db, override: unknown, loaded: LoadedBy, changeSeq: number): void {
  putSetting(db, PROFILE_KEY, stored(override, loaded), changeSeq);
}

export interface StoredHolidayTable {
  table: HolidayTable;
  loaded: LoadedBy;
}

/** Valid loaded tables, by year. */
export function storedHolidayTables(db: Db): StoredHolidayTable[] {
  return holidayRows(db).flatMap((row) => {
    const value = parseStored(row.value);
    const load = value && parseHolidayTable(value.data);
    return value && load?.ok ? [{ table: load.table, loaded: value.loaded }] : [];
  });
}

export function storeHolidayTable(db: Db, table: HolidayTable, loaded: LoadedBy, changeSeq: number): void {
  putSetting(db, holidayKey(table.year), stored(table, loaded), changeSeq);
}
