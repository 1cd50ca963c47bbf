import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../main/db/connection';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../main/db/migrations';
import { createApplication } from '../../../main/services/applications/createApplication';
import { getApplication } from '../../../main/services/applications/readApplications';
import { undoAuditIntegrity, undoExportBatches, undoUserPasswords } from './support/laterMigrations';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

describe('migration 0006 (application links)', () => {
  it('upgrades a version 5 database with rows: adds application_links, every other table unchanged', () => {
    store = openStore();
    const kept = createApplication(store.ctx(), recordFor('NEW_LVN', 'LVN', 3));
    const db = store.ctx().db;
    const tables = () =>
      db
        .prepare(
          "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name <> 'application_links' ORDER BY name",
        )
        .all();
    const before = tables();
    db.exec('DROP TABLE application_links');
    undoAuditIntegrity(db);
    undoUserPasswords(db);
    undoExportBatches(db);
    db.pragma('user_version = 5');
    store.closeDatabase();

    const upgraded = openDatabase(store.file);
    expect(schemaVersionOf(upgraded)).toBe(SCHEMA_VERSION);
    expect(MIGRATIONS[5]).toMatchObject({ version: 6, name: '0006_application_links' });
    expect(
      upgraded
        .prepare(
          "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name <> 'application_links' ORDER BY name",
        )
        .all(),
    ).toEqual(before);
    const ctx = { ...store.ctx(), db: upgraded };
    expect(getApplication(ctx, kept.number).links).toEqual([]);
    // Links work on the upgraded file.
    const reloc = createApplication(ctx, recordFor('RELOC', 'LVR', 4));
    expect(getApplication(ctx, reloc.number).links).toHaveLength(1);
    // Only the kind the code knows, between stored applications.
    expect(() =>
      upgraded.exec(
        "INSERT INTO application_links (application_id, linked_id, kind, created_at, change_seq) VALUES (1, 2, 'OTHER', '', 0)",
      ),
    ).toThrow(/CHECK/);
    upgraded.close();
  });
});
