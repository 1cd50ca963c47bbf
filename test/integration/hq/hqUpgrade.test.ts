/** An HQ store created before the export contract gained a column gets the column when opened (SQLite). */
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteHq } from '../../../main/hq/sqliteHq';
import { tempDir } from '../export/exportFixture';
import fs from 'node:fs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('HQ store upgrade', () => {
  it('adds supply_scheme_versions.extended_until to a store made without it, keeping its rows', async () => {
    const dir = tempDir('yekuo-hq-');
    dirs.push(dir);
    const file = path.join(dir, 'hq.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE hq_supply_scheme_versions (hall_code text NOT NULL, id INTEGER, application_id INTEGER,
      version INTEGER, status TEXT, content_json TEXT, change_reason TEXT, created_by TEXT, created_at TEXT,
      approved_by TEXT, approved_at TEXT, change_seq INTEGER, batch_no INTEGER NOT NULL, imported_at text NOT NULL,
      PRIMARY KEY (hall_code, id))`);
    old.exec(`INSERT INTO hq_supply_scheme_versions (hall_code, id, version, change_seq, batch_no, imported_at)
      VALUES ('NJ0101', 1, 1, 5, 1, '2026-12-01T00:00:00Z')`);
    old.close();

    const hq = openSqliteHq(file);
    await hq.close();
    const db = new Database(file, { readonly: true });
    const columns = (db.pragma('table_info(hq_supply_scheme_versions)') as { name: string }[]).map((c) => c.name);
    const row = db.prepare('SELECT id, extended_until FROM hq_supply_scheme_versions').get();
    db.close();
    expect(columns).toContain('extended_until');
    expect(row).toEqual({ id: 1, extended_until: null });
  });
});
