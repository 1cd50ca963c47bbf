import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../main/db/connection';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../main/db/migrations';
import { createApplication } from '../../../main/services/applications/createApplication';
import { hvRecord } from '../risk/riskFixture';
import { openStore, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

describe('migration 0014 (suggestion outcomes)', () => {
  it('upgrades a version 13 database with rows: adds suggestion_outcomes, leaves everything else as it was', () => {
    store = openStore();
    createApplication(store.ctx('clerk'), hvRecord);
    const db = store.ctx().db;
    const others = "SELECT name, sql FROM sqlite_schema WHERE name NOT LIKE 'suggestion_outcomes%' ORDER BY name";
    const before = db.prepare(others).all();
    const rows = db.prepare('SELECT id, number, record_json FROM applications').all();
    db.exec('DROP TABLE suggestion_outcomes');
    db.pragma('user_version = 13');
    store.closeDatabase();

    const upgraded = openDatabase(store.file);
    expect(schemaVersionOf(upgraded)).toBe(SCHEMA_VERSION);
    expect(MIGRATIONS[13]).toMatchObject({ version: 14, name: '0014_suggestion_outcomes' });
    expect(upgraded.prepare(others).all()).toEqual(before);
    expect(upgraded.prepare('SELECT id, number, record_json FROM applications').all()).toEqual(rows);
    expect(upgraded.prepare('SELECT count(*) AS n FROM suggestion_outcomes').get()).toEqual({ n: 0 });
    // The status is checked by the table itself, not only by the service.
    expect(() =>
      upgraded
        .prepare(
          `INSERT INTO suggestion_outcomes (kind, subject_key, status, suggestion_json, created_at, updated_by, updated_at, change_seq)
           VALUES ('EV_PV', 'prefix:x', 'maybe', '{}', 'now', 'u', 'now', 1)`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    upgraded.close();
  });
});
