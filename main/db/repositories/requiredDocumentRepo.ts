import type { Db } from '../connection';
import { prepared } from '../statements';

export interface RequiredDocument {
  code: string;
  status: string;
  dueStage?: string | undefined;
  reason?: string | undefined;
}

/** Replaces the checklist of an application with the record's current one. */
export function replaceRequiredDocuments(
  db: Db,
  applicationId: number,
  documents: readonly RequiredDocument[],
  changeSeq: number,
): void {
  prepared(db, 'DELETE FROM required_documents WHERE application_id = ?').run(applicationId);
  const insert = prepared(
    db,
    `INSERT OR REPLACE INTO required_documents (application_id, code, status, due_stage, reason, change_seq)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const doc of documents) {
    insert.run(applicationId, doc.code, doc.status, doc.dueStage ?? null, doc.reason ?? null, changeSeq);
  }
}
