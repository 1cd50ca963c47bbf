import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../main/db/connection';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../main/db/migrations';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { verifyAudit } from '../../../main/services/audit';
import { undoAuditIntegrity } from './support/laterMigrations';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

describe('migration 0010 (audit integrity)', () => {
  it('upgrades a version 9 database: old entries keep their hashes, old rows are "not yet covered" until changed', () => {
    store = openStore();
    const first = createApplication(store.ctx(), recordFor('NEW_HV', 'HV', 1));
    createApplication(store.ctx(), recordFor('NEW_LVR', 'LVR', 2));
    const db = store.ctx().db;
    undoAuditIntegrity(db);
    db.pragma('user_version = 9');
    store.closeDatabase();

    const upgraded = openDatabase(store.file);
    expect(schemaVersionOf(upgraded)).toBe(SCHEMA_VERSION);
    expect(MIGRATIONS[9]).toMatchObject({ version: 10, name: '0010_audit_integrity' });
    const counter = upgraded.prepare('SELECT seq FROM change_counter').pluck().get();
    expect(upgraded.prepare('SELECT since_change_seq FROM audit_coverage').pluck().get()).toBe(counter);
    // Entries written before 0010 had no state: the state column is NULL and their chain hashes still hold.
    expect(upgraded.prepare('SELECT count(*) FROM audit_log WHERE state_json IS NOT NULL').pluck().get()).toBe(0);
    const ctx = { ...store.ctx(), db: upgraded };
    const before = verifyAudit(upgraded);
    expect(before).toMatchObject({ ok: true, rows: { checked: 0, problemCount: 0 } });
    // Two applications and their one shared-or-not customers predate state recording.
    expect(before.rows!.notYetCovered).toBeGreaterThanOrEqual(3);

    // The first change after the upgrade records the state: that application is covered from now on.
    moveApplication(ctx, first.number, { move: 'advance' });
    const after = verifyAudit(upgraded);
    expect(after).toMatchObject({ ok: true, rows: { checked: 1, problemCount: 0 } });
    expect(after.rows!.notYetCovered).toBe(before.rows!.notYetCovered - 1);
    upgraded.exec(`UPDATE applications SET phone = '13900000000' WHERE number = '${first.number}'`);
    expect(verifyAudit(upgraded).rows!.problems).toEqual([
      expect.objectContaining({ table: 'applications', label: first.number }),
    ]);
    upgraded.close();
  });
});
