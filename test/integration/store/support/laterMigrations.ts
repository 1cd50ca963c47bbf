import type { Db } from '../../../../main/db/connection';
import { rewriteAuditChain } from './tamper';

/**
 * Takes a store back before migration 0007 (user passwords), for the tests that rebuild an older version's
 * file from a current one.
 */
export function undoUserPasswords(db: Db): void {
  for (const column of [
    'password_hash',
    'password_salt',
    'password_params',
    'must_change_password',
    'failed_attempts',
    'locked_until',
  ]) {
    db.exec(`ALTER TABLE users DROP COLUMN ${column}`);
  }
}

/** Takes a store back before migration 0009 (export batches): its ledger columns and change_seq indexes. */
export function undoExportBatches(db: Db): void {
  for (const column of [
    'row_counts_json',
    'size',
    'privacy',
    'audit_head_id',
    'audit_head_hash',
    'folder',
    'folder_at',
    'receipt_json',
    'receipt_at',
    'send_attempts',
    'next_send_at',
    'last_send_error',
  ]) {
    db.exec(`ALTER TABLE export_batches DROP COLUMN ${column}`);
  }
  for (const table of [
    'settings',
    'users',
    'customers',
    'stage_events',
    'required_documents',
    'supply_scheme_versions',
    'contracts',
    'documents',
    'print_log',
    'audit_log',
    'application_links',
  ]) {
    db.exec(`DROP INDEX IF EXISTS ${table}_change`);
  }
}

/**
 * Takes a store back before migration 0010 (audit integrity): entries without state (their hashes recomputed as
 * the older format had them), no state column, anchors or coverage mark.
 */
export function undoAuditIntegrity(db: Db): void {
  rewriteAuditChain(db, (row) => ({ ...row, state_json: null }));
  db.exec(`
    DROP TABLE audit_anchors;
    DROP TABLE audit_coverage;
    ALTER TABLE audit_log DROP COLUMN state_json;`);
}
