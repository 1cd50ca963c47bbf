import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../main/db/connection';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../main/db/migrations';
import { createApplication } from '../../../main/services/applications/createApplication';
import { undoAuditIntegrity, undoExportBatches } from './support/laterMigrations';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

describe('migration 0009 (export batches)', () => {
  it('upgrades a version 8 database with rows: export_batches gains its columns, change_seq indexes exist, data kept', () => {
    store = openStore();
    createApplication(store.ctx(), recordFor('NEW_LVN', 'LVN', 3));
    const db = store.ctx().db;
    undoAuditIntegrity(db);
    undoExportBatches(db);
    db.prepare(
      "INSERT INTO export_batches (batch_no, from_seq, to_seq, file, sha256, created_at) VALUES (1, 1, 2, 'old.zip', 'x', '2026-03-02')",
    ).run();
    const applications = db.prepare('SELECT * FROM applications').all();
    db.pragma('user_version = 8');
    store.closeDatabase();

    const upgraded = openDatabase(store.file);
    expect(schemaVersionOf(upgraded)).toBe(SCHEMA_VERSION);
    expect(MIGRATIONS[8]).toMatchObject({ version: 9, name: '0009_export_batches' });
    expect(upgraded.prepare('SELECT * FROM applications').all()).toEqual(applications);
    expect(
      upgraded.prepare('SELECT batch_no, file, size, privacy, receipt_json, send_attempts FROM export_batches').all(),
    ).toEqual([{ batch_no: 1, file: 'old.zip', size: 0, privacy: 'full', receipt_json: null, send_attempts: 0 }]);
    const plan = upgraded.prepare('EXPLAIN QUERY PLAN SELECT * FROM stage_events WHERE change_seq > 5').all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/stage_events_change/);
    upgraded.close();
  });
});
