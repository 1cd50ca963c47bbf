/**
 * Entity state for the audit trail: which rows of the audited tables a mutation wrote, and the hash of each
 * row as stored. Writes are noticed by TEMP triggers on this connection (they live in memory, never in the
 * file), so every repository write inside a mutation is named without the repository having to remember it,
 * and a later change of a repository (a new column, a new UPDATE) is covered as well.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../services/canonicalJson';
import type { Db } from './connection';
import { prepared } from './statements';

/** The tables whose every row must equal the state named by its latest audit entry. All keyed by `id`. */
export const AUDITED_TABLES = [
  'applications',
  'customers',
  'supply_scheme_versions',
  'contracts',
  'documents',
  'users',
  'suggestion_outcomes',
] as const;
export type AuditedTable = (typeof AUDITED_TABLES)[number];

/** "table:key", the name of one row in an entry's state. */
export function rowRef(table: string, key: string | number): string {
  return `${table}:${key}`;
}

/** Splits a row name at its first colon (table names have none; a user id might). */
export function parseRowRef(ref: string): { table: string; key: string } {
  const at = ref.indexOf(':');
  return { table: ref.slice(0, at), key: ref.slice(at + 1) };
}

/**
 * sha256 of the row's canonical JSON with NULL columns left out: a later migration that adds a nullable column
 * does not change the state of the rows already recorded. (A column added with a non-NULL default would: such a
 * migration must record the new states in an audited entry.)
 */
export function rowStateHash(row: Record<string, unknown>): string {
  const stored: Record<string, unknown> = {};
  for (const key of Object.keys(row)) if (row[key] !== null) stored[key] = row[key];
  return createHash('sha256').update(canonicalJson(stored)).digest('hex');
}

/** Creates the write-noticing triggers on a writable connection (once per connection, after migrations). */
export function trackAuditedWrites(db: Db): void {
  const triggers = AUDITED_TABLES.map(
    (table) => `
    CREATE TEMP TRIGGER IF NOT EXISTS written_${table}_insert AFTER INSERT ON main.${table}
    BEGIN INSERT OR IGNORE INTO written_rows (tbl, key) VALUES ('${table}', NEW.id); END;
    CREATE TEMP TRIGGER IF NOT EXISTS written_${table}_update AFTER UPDATE ON main.${table}
    BEGIN INSERT OR IGNORE INTO written_rows (tbl, key) VALUES ('${table}', NEW.id); END;
    CREATE TEMP TRIGGER IF NOT EXISTS written_${table}_delete AFTER DELETE ON main.${table}
    BEGIN INSERT OR IGNORE INTO written_rows (tbl, key) VALUES ('${table}', OLD.id); END;`,
  ).join('');
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS written_rows (tbl TEXT NOT NULL, key ANY NOT NULL, PRIMARY KEY (tbl, key)) STRICT;
    ${triggers}`);
}

/** Forgets writes noticed outside a mutation, so a mutation records only its own. */
export function forgetWrittenRows(db: Db): void {
  prepared(db, 'DELETE FROM temp.written_rows').run();
}

/**
 * The state left by the rows written since the last call, as canonical JSON {"table:key": hash | null}, and
 * forgets them; undefined when no audited row was written. Call at the end of the mutation, inside its
 * transaction, so the hashes are of exactly what commits.
 */
export function takeWrittenRowStates(db: Db): string | undefined {
  const written = prepared<[], { tbl: AuditedTable; key: string | number }>(
    db,
    'SELECT tbl, key FROM temp.written_rows',
  ).all();
  if (written.length === 0) return undefined;
  forgetWrittenRows(db);
  const state: Record<string, string | null> = {};
  for (const { tbl, key } of written) {
    const row = prepared<[string | number], Record<string, unknown>>(db, `SELECT * FROM ${tbl} WHERE id = ?`).get(key);
    state[rowRef(tbl, key)] = row ? rowStateHash(row) : null;
  }
  return canonicalJson(state);
}
