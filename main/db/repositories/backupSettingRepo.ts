import type { Db } from '../connection';
import { prepared } from '../statements';

const SECOND_FOLDER = 'backup.secondFolder';

export function secondFolderSetting(db: Db): string | undefined {
  return prepared<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(SECOND_FOLDER)
    ?.value;
}

export function putSecondFolderSetting(db: Db, folder: string | null, changeSeq: number): void {
  if (folder === null) prepared(db, 'DELETE FROM settings WHERE key = ?').run(SECOND_FOLDER);
  else
    prepared(
      db,
      `INSERT INTO settings (key, value, change_seq) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, change_seq = excluded.change_seq`,
    ).run(SECOND_FOLDER, folder, changeSeq);
}
