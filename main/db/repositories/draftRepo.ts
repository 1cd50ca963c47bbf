import type { Db } from '../connection';
import { prepared } from '../statements';

export interface DraftRow {
  saved_at: string;
  draft_json: string;
}

export function draftOf(db: Db, userId: string): DraftRow | undefined {
  return prepared<[string], DraftRow>(db, 'SELECT saved_at, draft_json FROM intake_drafts WHERE user_id = ?').get(
    userId,
  );
}

export function putDraft(db: Db, userId: string, savedAt: string, draftJson: string): void {
  prepared(
    db,
    `INSERT INTO intake_drafts (user_id, saved_at, draft_json) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET saved_at = excluded.saved_at, draft_json = excluded.draft_json`,
  ).run(userId, savedAt, draftJson);
}

/** Keeps an existing draft: a newer one saved in the database wins over an old file. */
export function putDraftIfAbsent(db: Db, userId: string, savedAt: string, draftJson: string): void {
  prepared(
    db,
    'INSERT INTO intake_drafts (user_id, saved_at, draft_json) VALUES (?, ?, ?) ON CONFLICT (user_id) DO NOTHING',
  ).run(userId, savedAt, draftJson);
}

export function deleteDraft(db: Db, userId: string): void {
  prepared(db, 'DELETE FROM intake_drafts WHERE user_id = ?').run(userId);
}
