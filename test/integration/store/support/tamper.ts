/**
 * What someone with the database file and an SQLite tool can do to the audit trail: drop the append-only
 * triggers, change or delete entries, and recompute every later hash so the chain itself checks out again.
 */
import type { Db } from '../../../../main/db/connection';
import type { AuditRow } from '../../../../main/db/repositories/auditRepo';
import { GENESIS_HASH, storedEntryHash } from '../../../../main/services/audit';

function withoutAppendOnlyTriggers(db: Db, work: () => void): void {
  // Only the append-only guards: other triggers on audit_log (the risk counts, migration 0023) stay in place.
  const triggers = db
    .prepare(
      "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name IN ('audit_log_no_update', 'audit_log_no_delete')",
    )
    .pluck()
    .all() as string[];
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  try {
    work();
  } finally {
    for (const sql of triggers) db.exec(sql);
  }
}

/** Deletes entries by id, as `DELETE FROM audit_log` would after dropping the triggers. */
export function deleteAuditEntries(db: Db, ids: number[]): void {
  withoutAppendOnlyTriggers(db, () => {
    for (const id of ids) db.prepare('DELETE FROM audit_log WHERE id = ?').run(id);
  });
}

/**
 * Rewrites entries with `edit` (return the row unchanged to keep it) and recomputes prev_hash and hash of every
 * entry from the first one on, so the chain is internally consistent again.
 */
export function rewriteAuditChain(db: Db, edit: (row: AuditRow) => AuditRow): void {
  withoutAppendOnlyTriggers(db, () => {
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
    const update = db.prepare(
      'UPDATE audit_log SET diff_json = @diff_json, state_json = @state_json, prev_hash = @prev_hash, hash = @hash WHERE id = @id',
    );
    let prevHash = GENESIS_HASH;
    for (const original of rows) {
      const row = { ...edit(original), prev_hash: prevHash };
      row.hash = storedEntryHash(row, prevHash);
      update.run(row);
      prevHash = row.hash;
    }
  });
}
