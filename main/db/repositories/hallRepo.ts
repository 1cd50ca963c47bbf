import type { Db } from '../connection';
import { prepared } from '../statements';

export interface HallRow {
  code: string;
  name: string;
  created_at: string;
}

/** 营业厅 hall settings live in the settings table under these keys. */
const KEYS = { code: 'hall.code', name: 'hall.name', created_at: 'hall.createdAt' } as const;

function setting(db: Db, key: string): string | undefined {
  return prepared<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(key)?.value;
}

export function getHall(db: Db): HallRow | undefined {
  const code = setting(db, KEYS.code);
  if (code === undefined) return undefined;
  return { code, name: setting(db, KEYS.name) ?? '', created_at: setting(db, KEYS.created_at) ?? '' };
}

export function insertHall(db: Db, hall: HallRow, changeSeq: number): void {
  const insert = prepared(db, 'INSERT INTO settings (key, value, change_seq) VALUES (?, ?, ?)');
  for (const field of ['code', 'name', 'created_at'] as const) insert.run(KEYS[field], hall[field], changeSeq);
}

/** Only the name may change: the code prefixes every number and the creation date is history. */
export function updateHallName(db: Db, name: string, changeSeq: number): void {
  prepared(db, 'UPDATE settings SET value = ?, change_seq = ? WHERE key = ?').run(name, changeSeq, KEYS.name);
}
