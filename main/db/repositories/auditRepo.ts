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
  /** {"table:key": sha256 | null} of the rows the entry wrote; null for entries from before migration 0007. */
  state_json: string | null;
}

/** The newest entry's id and hash: the link the next entry chains to. */
export function auditHead(db: Db): { id: number; hash: string } | undefined {
  return prepared<[], { id: number; hash: string }>(
    db,
    'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1',
  ).get();
}

function withoutState(row: AuditRow): Omit<AuditRow, 'state_json'> {
  const { state_json: _none, ...rest } = row;
  return rest;
}

/**
 * Inserts one entry. An entry without state is inserted without naming the state column, so the audited data
 * steps of migrations that run before 0010 (which adds the column) keep working on older files.
 */
export function insertAudit(db: Db, row: AuditRow): void {
  const withState = row.state_json === null ? '' : ', state_json';
  prepared(
    db,
    `INSERT INTO audit_log (id, at, user_id, user_name, action, entity, entity_id, change_seq, diff_json, prev_hash, hash${withState})
     VALUES (@id, @at, @user_id, @user_name, @action, @entity, @entity_id, @change_seq, @diff_json, @prev_hash, @hash${withState ? ', @state_json' : ''})`,
  ).run(withState ? row : withoutState(row));
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

/** The entry with this id, or undefined when there is none (a signed head's entry may have been deleted). */
export function auditEntryById(db: Db, id: number): AuditRow | undefined {
  return prepared<[number], AuditRow>(db, 'SELECT * FROM audit_log WHERE id = ?').get(id);
}
