import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../main/db/connection';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../main/db/migrations';
import { createApplication } from '../../../main/services/applications/createApplication';
import { loadDraft, saveDraft } from '../../../main/services/drafts';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

describe('migration 0011 (intake drafts in the database)', () => {
  it('upgrades a version 10 database with rows: adds intake_drafts, every other table unchanged', () => {
    store = openStore();
    createApplication(store.ctx(), recordFor('NEW_LVN', 'LVN', 3));
    const db = store.ctx().db;
    const others = "SELECT name, sql FROM sqlite_schema WHERE name NOT LIKE 'intake_drafts%' ORDER BY name";
    const before = db.prepare(others).all();
    db.exec('DROP TABLE intake_drafts');
    db.pragma('user_version = 10');
    store.closeDatabase();

    const upgraded = openDatabase(store.file);
    expect(schemaVersionOf(upgraded)).toBe(SCHEMA_VERSION);
    expect(MIGRATIONS[10]).toMatchObject({ version: 11, name: '0011_intake_drafts' });
    expect(upgraded.prepare(others).all()).toEqual(before);
    const ctx = { ...store.ctx('clerk'), db: upgraded };
    saveDraft(ctx, { values: { customer: { name: '赵敏' } } }, new Date('2026-03-02T01:00:00Z'));
    expect(loadDraft(ctx)).toEqual({
      savedAt: '2026-03-02T01:00:00.000Z',
      draft: { values: { customer: { name: '赵敏' } } },
    });
    upgraded.close();
  });
});
