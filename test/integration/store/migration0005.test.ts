import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, schemaVersionOf } from '../../../main/db/connection';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../main/db/migrations';
import { undoAuditIntegrity, undoExportBatches, undoUserPasswords } from './support/laterMigrations';
import { openRawDatabase, openStore, recordFor, tempDataDir, type Store } from './storeFixture';
import { createApplication } from '../../../main/services/applications/createApplication';

let store: Store | undefined;
afterEach(() => store?.close());

const INDEXES = [
  'applications_due_order',
  'applications_active',
  'applications_active_assignee',
  'required_documents_deferred',
];

describe('migration 0005 (workstation indexes)', () => {
  it('upgrades a version 4 database with rows: indexes only, every table unchanged', () => {
    // A hall store as version 4 left it, with applications in it.
    store = openStore();
    createApplication(store.ctx(), recordFor('NEW_HV', 'HV', 1));
    createApplication(store.ctx(), recordFor('NEW_LVR', 'LVR', 2));
    const db = store.ctx().db;
    const tablesAt5 = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as {
      name: string;
      sql: string;
    }[];
    for (const name of INDEXES) db.exec(`DROP INDEX ${name}`);
    // And what later migrations added, so the file is as version 4 left it.
    db.exec('DROP TABLE application_links');
    undoAuditIntegrity(db);
    undoUserPasswords(db);
    undoExportBatches(db);
    db.pragma('user_version = 4');
    store.closeDatabase();

    const upgraded = openDatabase(store.file);
    expect(schemaVersionOf(upgraded)).toBe(SCHEMA_VERSION);
    expect(MIGRATIONS[4]).toMatchObject({ version: 5, name: '0005_workbench' });
    const indexes = upgraded
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND name IN (SELECT value FROM json_each(?))")
      .all(JSON.stringify(INDEXES)) as { name: string; sql: string }[];
    expect(indexes.map((i) => i.name).sort()).toEqual([...INDEXES].sort());
    // Partial: only rows with a clock, in progress, or deferred.
    expect(Object.fromEntries(indexes.map((i) => [i.name, /WHERE (.*)$/s.exec(i.sql)?.[1]?.trim()]))).toEqual({
      applications_due_order: 'due_date IS NOT NULL',
      applications_active: "status = 'ACTIVE'",
      applications_active_assignee: "status = 'ACTIVE' AND assignee IS NOT NULL",
      required_documents_deferred: "status = 'DEFERRED'",
    });
    expect(upgraded.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all()).toEqual(
      tablesAt5,
    );
    // The rows stored before the upgrade are in the new indexes.
    const inIndex = upgraded
      .prepare("SELECT count(*) FROM applications INDEXED BY applications_active WHERE status = 'ACTIVE'")
      .pluck()
      .get();
    expect(inIndex).toBe(2);
    upgraded.close();
  });

  it('is applied with the other migrations on a new file', () => {
    const file = path.join(tempDataDir(), DATABASE_FILE);
    const db = openDatabase(file);
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").pluck().all();
    expect(names).toEqual(expect.arrayContaining(INDEXES));
    db.close();
    const raw = openRawDatabase(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    raw.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
