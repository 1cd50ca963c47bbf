/**
 * Migration 0013 (issue 13, R-GATE-04): an approved supply scheme may be extended once (1996 供电营业规则 art 21).
 * The content of an approved version stays immutable; the extension is its own nullable column, set once, on an
 * approved version only (trigger). Additive: a NULL column leaves the audited row states unchanged
 * (main/db/rowStates.ts). Written as a step that checks first, because the tests of earlier migrations rebuild an
 * older file from a current one and leave this column in place.
 */
import type { Db } from '../connection';

export function addSchemeExtension(db: Db): void {
  const columns = db.prepare('PRAGMA table_info(supply_scheme_versions)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'extended_until')) {
    db.exec('ALTER TABLE supply_scheme_versions ADD COLUMN extended_until TEXT');
  }
  db.exec(`
    CREATE TRIGGER IF NOT EXISTS supply_scheme_versions_extended_once
    BEFORE UPDATE OF extended_until ON supply_scheme_versions
    WHEN NEW.extended_until IS NOT OLD.extended_until AND (OLD.extended_until IS NOT NULL OR OLD.status <> 'approved')
    BEGIN
      SELECT RAISE(ABORT, 'a supply-scheme version is extended once, and only while approved');
    END;`);
}

export default '';
