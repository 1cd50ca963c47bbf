import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, schemaVersionOf } from '../../../main/db/connection';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../main/db/migrations';
import { dispatch } from '../../../main/ipc/dispatch';
import { openRawDatabase, openStore, tempDataDir } from './storeFixture';

describe('migration 0001', () => {
  it('creates the store on an empty file and records the version', () => {
    const file = path.join(tempDataDir(), DATABASE_FILE);
    const db = openDatabase(file);
    expect(schemaVersionOf(db)).toBe(SCHEMA_VERSION);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table') ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'settings',
        'change_counter',
        'users',
        'customers',
        'number_counters',
        'applications',
        'stage_events',
        'required_documents',
        'supply_scheme_versions',
        'contracts',
        'documents',
        'print_log',
        'audit_log',
        'export_batches',
        'application_fts',
        'name_grams',
        'digit_suffixes',
      ]),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    // Opening again applies nothing and keeps the version.
    const again = openDatabase(file);
    expect(schemaVersionOf(again)).toBe(SCHEMA_VERSION);
    again.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('keeps approved supply-scheme versions immutable', () => {
    const store = openStore();
    const db = store.ctx().db;
    db.exec(`INSERT INTO customers (id, kind, name, id_type, id_number, phone, created_at, updated_at, change_seq)
      VALUES (1, 'PERSON', '王伟', 'RIC', 'x', '1', 't', 't', 1)`);
    db.exec(`INSERT INTO applications (id, number, customer_id, business_type, customer_class, time_limit_class, stage,
      status, customer_name, id_number, phone, address, application_date, created_at, updated_at, accept_date,
      stage_start_date, record_json, change_seq)
      VALUES (1, 'N-1', 1, 'NEW_HV', 'HV', 'HV_SINGLE', 'SCHEME', 'ACTIVE', '王伟', 'x', '1', 'a', 'd', 't', 't', 'd', 'd', '{}', 1)`);
    db.exec(`INSERT INTO supply_scheme_versions (id, application_id, version, status, content_json, created_by, created_at, change_seq)
      VALUES (1, 1, 1, 'approved', '{"a":1}', 'u', 't', 1)`);
    expect(() => db.exec(`UPDATE supply_scheme_versions SET content_json = '{"a":2}' WHERE id = 1`)).toThrow(
      /immutable/,
    );
    expect(() => db.exec('DELETE FROM supply_scheme_versions WHERE id = 1')).toThrow(/cannot be deleted/);
    db.exec("UPDATE supply_scheme_versions SET status = 'superseded' WHERE id = 1");
    store.close();
  });

  it('refuses a database written by a newer version and leaves it unchanged', () => {
    const file = path.join(tempDataDir(), DATABASE_FILE);
    openDatabase(file).close();
    const raw = openRawDatabase(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const bytes = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/比本程序支持的版本/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});

describe('users', () => {
  it('an administrator adds users; a clerk cannot', async () => {
    const store = openStore();
    expect(
      await dispatch(store.ctx('admin'), 'users.create', { id: 'NJ001', name: '李娜', role: 'clerk' }),
    ).toMatchObject({
      ok: true,
      value: { id: 'NJ001', role: 'clerk', active: true },
    });
    expect(
      await dispatch(store.ctx('clerk'), 'users.create', { id: 'NJ002', name: '王伟', role: 'admin' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await dispatch(store.ctx('admin'), 'users.create', { id: 'NJ001', name: '重复', role: 'clerk' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await dispatch(store.ctx('supervisor'), 'users.list', {})).toMatchObject({
      ok: true,
      value: [{ id: 'NJ001' }],
    });
    store.close();
  });
});
