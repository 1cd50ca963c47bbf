import type { Db } from '../connection';

/**
 * Adds the columns a table lacks. For migration data steps: SQLite has no ADD COLUMN IF NOT EXISTS, and the
 * upgrade tests re-run later steps over a newer database, which must change nothing.
 */
export function addMissingColumns(db: Db, table: string, columns: readonly (readonly [string, string])[]): void {
  const present = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  for (const [name, type] of columns) {
    if (!present.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`);
  }
}
