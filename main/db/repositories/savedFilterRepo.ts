import type { Db } from '../connection';
import { prepared } from '../statements';

export interface SavedFilterRow {
  id: number;
  user_id: string;
  name: string;
  query_json: string;
  created_at: string;
}

export function savedFiltersOf(db: Db, userId: string): SavedFilterRow[] {
  return prepared<[string], SavedFilterRow>(
    db,
    'SELECT id, user_id, name, query_json, created_at FROM saved_filters WHERE user_id = ? ORDER BY name',
  ).all(userId);
}

export function savedFilterByName(db: Db, userId: string, name: string): SavedFilterRow | undefined {
  return prepared<[string, string], SavedFilterRow>(
    db,
    'SELECT id, user_id, name, query_json, created_at FROM saved_filters WHERE user_id = ? AND name = ?',
  ).get(userId, name);
}

export function savedFilterById(db: Db, userId: string, id: number): SavedFilterRow | undefined {
  return prepared<[number, string], SavedFilterRow>(
    db,
    'SELECT id, user_id, name, query_json, created_at FROM saved_filters WHERE id = ? AND user_id = ?',
  ).get(id, userId);
}

/** Insert or replace the user's filter of that name; returns its id. */
export function upsertSavedFilter(db: Db, row: Omit<SavedFilterRow, 'id'>, changeSeq: number): number {
  return prepared<unknown[], { id: number }>(
    db,
    `INSERT INTO saved_filters (user_id, name, query_json, created_at, change_seq) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_id, name) DO UPDATE SET query_json = excluded.query_json, change_seq = excluded.change_seq
     RETURNING id`,
  ).get(row.user_id, row.name, row.query_json, row.created_at, changeSeq)!.id;
}

export function deleteSavedFilter(db: Db, id: number): void {
  prepared(db, 'DELETE FROM saved_filters WHERE id = ?').run(id);
}
