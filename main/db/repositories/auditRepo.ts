import type { Db } from '../connection';
import { prepared } from '../statements';

export interface AuditRow {
  id: number;
  at: string;
  user_id: string;
  user_name: string;
  action: string;
  entity: string;
  entity_id: string;
  change_seq: number;
  diff_json: string;
  prev_hash: string;
  hash: string;
}

/** The newest entry's id and hash: the link the next entry chains to. */
export function auditHead(db: Db): { id: number; hash: string } | undefined {
  return prepared<[], { id: number; hash: string }>(
    db,
    'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1',
  ).get();
}

export function insertAudit(db: Db, row: AuditRow): void {
  prepared(
    db,
    `INSERT INTO audit_log (id, at, user_id, user_name, action, entity, entity_id, change_seq, diff_json, prev_hash, hash)
     VALUES (@id, @at, @user_id, @user_name, @action, @entity, @entity_id, @change_seq, @diff_json, @prev_hash, @hash)`,
  ).run(row);
}

/** Every entry in chain order, streamed so a verify over millions of rows stays in constant memory. */
export function iterateAudit(db: Db): IterableIterator<AuditRow> {
  return prepared<[], AuditRow>(db, 'SELECT * FROM audit_log ORDER BY id').iterate();
}

export function auditOfEntity(db: Db, entity: string, entityId: string): AuditRow[] {
  return prepared<[string, string], AuditRow>(
    db,
    'SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id',
  ).all(entity, entityId);
}
