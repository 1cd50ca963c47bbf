import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../main/db/connection';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../main/db/migrations';
import { getUserCredentials } from '../../../main/db/repositories/userRepo';
import { createUser } from '../../../main/services/users';
import { undoAuditIntegrity, undoExportBatches, undoUserPasswords } from './support/laterMigrations';
import { openStore, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

describe('migration 0007 (user passwords)', () => {
  it('upgrades a version 6 database with users: they keep their rows and have no password until one is set', () => {
    store = openStore();
    createUser(store.ctx('admin'), { id: 'C001', name: '李娜', role: 'clerk' });
    const db = store.ctx().db;
    undoAuditIntegrity(db);
    undoUserPasswords(db);
    undoExportBatches(db);
    db.pragma('user_version = 6');
    store.closeDatabase();

    const upgraded = openDatabase(store.file);
    expect(schemaVersionOf(upgraded)).toBe(SCHEMA_VERSION);
    expect(MIGRATIONS[6]).toMatchObject({ version: 7, name: '0007_user_passwords' });
    expect(getUserCredentials(upgraded, 'C001')).toMatchObject({
      name: '李娜',
      role: 'clerk',
      password_hash: null,
      must_change_password: 0,
      failed_attempts: 0,
      locked_until: null,
    });
    expect(() => upgraded.exec("UPDATE users SET must_change_password = 2 WHERE id = 'C001'")).toThrow(/CHECK/);
    upgraded.close();
  });
});
